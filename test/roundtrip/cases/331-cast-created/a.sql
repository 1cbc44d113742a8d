-- covers: casts, comments, views; casts are created with a function (AS ASSIGNMENT, with a comment) and WITH INOUT, and a view uses both
CREATE TYPE pair AS (a int, b int);
CREATE FUNCTION pair_text(p pair) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT p.a || ',' || p.b $$;
