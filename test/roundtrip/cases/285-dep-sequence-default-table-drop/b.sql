CREATE SEQUENCE global_ids;

CREATE TABLE users (id bigint PRIMARY KEY DEFAULT nextval('global_ids'));
