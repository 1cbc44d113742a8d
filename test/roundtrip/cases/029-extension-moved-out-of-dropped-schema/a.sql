-- covers: extensions, schemas; an extension whose type a column uses moves out of a schema that is dropped (SET SCHEMA before the drop, not a drop and create)
CREATE SCHEMA ext;
CREATE EXTENSION citext SCHEMA ext;
CREATE TABLE users (id integer PRIMARY KEY, email ext.citext);
