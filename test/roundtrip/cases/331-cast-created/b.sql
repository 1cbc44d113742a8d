CREATE TYPE pair AS (a int, b int);
CREATE FUNCTION pair_text(p pair) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT p.a || ',' || p.b $$;
CREATE CAST (pair AS text) WITH FUNCTION pair_text(pair) AS ASSIGNMENT;
COMMENT ON CAST (pair AS text) IS 'pairs print as a,b';
CREATE DOMAIN code AS text;
CREATE CAST (code AS int) WITH INOUT;
CREATE TABLE t (c code, p pair);
CREATE VIEW v AS SELECT p::text AS shown, c::int AS n FROM t;
