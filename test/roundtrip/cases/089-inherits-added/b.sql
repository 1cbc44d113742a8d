CREATE TABLE vehicles (id integer NOT NULL, wheels integer NOT NULL);

CREATE TABLE trucks (payload_kg integer) INHERITS (vehicles);
