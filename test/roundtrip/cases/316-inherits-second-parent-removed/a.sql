-- covers: tables, inheritance; a child leaves one of its two parents (NO INHERIT before its columns go)
CREATE TABLE vehicles (id integer NOT NULL, wheels integer NOT NULL);
CREATE TABLE insured (policy text NOT NULL, insured_until date);
CREATE TABLE trucks (payload_kg integer) INHERITS (vehicles, insured);
