CREATE FUNCTION fullname(first text, last text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT first || ' ' || last $$;

CREATE FUNCTION initials(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT upper(left(name, 1)) $$;
