-- covers: schemas, quoted identifiers; a schema with a mixed-case name and a reserved-word table is created
CREATE TABLE plain (id integer PRIMARY KEY);
