-- covers: tables, inheritance; an existing child INHERITs a second parent whose columns it lacks (added first)
CREATE TABLE vehicles (id integer NOT NULL, wheels integer NOT NULL);
CREATE TABLE insured (policy text NOT NULL, insured_until date);
CREATE TABLE trucks (payload_kg integer) INHERITS (vehicles);
