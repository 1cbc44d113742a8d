CREATE TABLE people (id integer PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL);

CREATE FUNCTION display_name(f text, l text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT l || ', ' || f $$;

CREATE FUNCTION initials(f text, l text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT left(f, 1) || left(l, 1) $$;

CREATE VIEW people_names AS SELECT id, display_name(first_name, last_name) AS name, initials(first_name, last_name) AS initials FROM people;
