CREATE FUNCTION fmt(n integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT n::text $$;
COMMENT ON FUNCTION fmt(integer) IS 'integer formatting';
CREATE FUNCTION fmt(n numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT n::text $$;
COMMENT ON FUNCTION fmt(numeric) IS 'numeric formatting';

CREATE PROCEDURE nightly() LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON PROCEDURE nightly() IS 'runs at 3am UTC';
