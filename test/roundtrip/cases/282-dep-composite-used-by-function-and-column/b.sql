CREATE TYPE geo AS (lat double precision, lon double precision, alt double precision);

CREATE TABLE places (id integer PRIMARY KEY, location geo);

CREATE FUNCTION place_location(p_id integer) RETURNS geo LANGUAGE sql STABLE AS $$ SELECT location FROM places WHERE id = p_id $$;
