-- covers: dependencies, composite types, functions, columns; a composite type used by a column and a function gains an attribute
CREATE TYPE geo AS (lat double precision, lon double precision);

CREATE TABLE places (id integer PRIMARY KEY, location geo);

CREATE FUNCTION place_location(p_id integer) RETURNS geo LANGUAGE sql STABLE AS $$ SELECT location FROM places WHERE id = p_id $$;
