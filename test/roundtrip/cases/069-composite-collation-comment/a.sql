-- covers: composite types, collations, comments; an attribute gets a collation and the type a comment
CREATE TYPE person_name AS (first_name text, last_name text);
