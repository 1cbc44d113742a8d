-- covers: default privileges, privileges; rules for one schema (tables, sequences, functions) and for everywhere (types, schemas) are created, and objects created in the same plan get only the privileges the target gives them
CREATE SCHEMA app;
CREATE TABLE app.existing (id int);
