CREATE EXTENSION citext;

CREATE TABLE accounts (id integer PRIMARY KEY, email citext NOT NULL UNIQUE);
