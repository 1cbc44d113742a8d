CREATE EXTENSION citext;
CREATE TABLE users (id integer PRIMARY KEY, email citext);
