-- covers: privileges, tables, schemas, sequences; new objects are created together with their grants
CREATE TABLE t (id integer PRIMARY KEY);
