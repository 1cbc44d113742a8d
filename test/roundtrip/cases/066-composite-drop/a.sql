-- covers: composite types, functions; a composite type returned by a function is dropped with the function
CREATE TYPE pair AS (left_value integer, right_value integer);

CREATE FUNCTION make_pair(a integer, b integer) RETURNS pair LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(a, b)::pair $$;
