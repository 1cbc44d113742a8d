-- covers: tables, inheritance; an existing table starts to INHERIT from a parent
CREATE TABLE vehicles (id integer NOT NULL, wheels integer NOT NULL);

CREATE TABLE trucks (id integer NOT NULL, wheels integer NOT NULL, payload_kg integer);
