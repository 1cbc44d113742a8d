CREATE DOMAIN code AS varchar(10);
CREATE TYPE item AS (c code, qty integer);
CREATE FUNCTION item_code(i item) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT (i).c $$;
