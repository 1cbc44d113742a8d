-- covers: domains; a domain constraint is added NOT VALID (it stays unvalidated)
CREATE DOMAIN positive_int AS integer;

CREATE TABLE counters (id integer PRIMARY KEY, value positive_int);
