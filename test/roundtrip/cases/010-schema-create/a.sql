-- covers: schemas; a new schema with a table, a type and a function in it
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);
