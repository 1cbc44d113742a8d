-- covers: comments (FUNCTION, PROCEDURE); comments on an overloaded function and a procedure are added and changed
CREATE FUNCTION fmt(n integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT n::text $$;
CREATE FUNCTION fmt(n numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT n::text $$;

CREATE PROCEDURE nightly() LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON PROCEDURE nightly() IS 'runs at 2am';
