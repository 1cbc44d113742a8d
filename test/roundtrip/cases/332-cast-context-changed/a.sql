-- covers: casts, views; a cast a view uses becomes AS IMPLICIT (PostgreSQL has no ALTER CAST: it is dropped and created again, and the view, which depends on its function, stays)
CREATE TYPE pair AS (a int, b int);
CREATE FUNCTION pair_text(p pair) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT p.a || ',' || p.b $$;
CREATE CAST (pair AS text) WITH FUNCTION pair_text(pair);
CREATE TABLE t (p pair);
CREATE VIEW v AS SELECT p::text AS shown FROM t;
