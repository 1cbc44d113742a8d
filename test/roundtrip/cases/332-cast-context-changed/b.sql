CREATE TYPE pair AS (a int, b int);
CREATE FUNCTION pair_text(p pair) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT p.a || ',' || p.b $$;
CREATE CAST (pair AS text) WITH FUNCTION pair_text(pair) AS IMPLICIT;
CREATE TABLE t (p pair);
CREATE VIEW v AS SELECT p::text AS shown FROM t;
