-- covers: composites, domains, dependencies; the domain a composite attribute uses is rebuilt, so the composite is rebuilt around it
CREATE DOMAIN code AS varchar(5);
CREATE TYPE item AS (c code, qty integer);
CREATE FUNCTION item_code(i item) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT (i).c $$;
