CREATE SCHEMA extensions;

CREATE EXTENSION btree_gist WITH SCHEMA extensions;

COMMENT ON EXTENSION btree_gist IS 'used by exclusion constraints';

CREATE TABLE rooms (id integer PRIMARY KEY);
