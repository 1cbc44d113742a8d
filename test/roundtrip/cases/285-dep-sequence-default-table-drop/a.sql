-- covers: dependencies, sequences, tables; a shared sequence used by two tables' defaults survives when one table is dropped
CREATE SEQUENCE global_ids;

CREATE TABLE users (id bigint PRIMARY KEY DEFAULT nextval('global_ids'));

CREATE TABLE groups (id bigint PRIMARY KEY DEFAULT nextval('global_ids'));
