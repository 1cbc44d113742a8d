-- covers: extensions; one extension is kept, one dropped, two added
CREATE EXTENSION pg_trgm;
CREATE EXTENSION hstore;

CREATE TABLE t (id integer PRIMARY KEY);
