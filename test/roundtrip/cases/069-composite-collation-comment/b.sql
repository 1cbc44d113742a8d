CREATE TYPE person_name AS (first_name text, last_name text COLLATE "C");

COMMENT ON TYPE person_name IS 'a name in two parts';
