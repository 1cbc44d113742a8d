-- covers: dependencies, functions, views; a function used by a view changes body (same signature) and a view starts to use a new function
CREATE TABLE people (id integer PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL);

CREATE FUNCTION display_name(f text, l text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT f || ' ' || l $$;

CREATE VIEW people_names AS SELECT id, display_name(first_name, last_name) AS name FROM people;
