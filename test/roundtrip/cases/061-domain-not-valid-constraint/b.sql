CREATE DOMAIN positive_int AS integer;

ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0) NOT VALID;

CREATE TABLE counters (id integer PRIMARY KEY, value positive_int);
