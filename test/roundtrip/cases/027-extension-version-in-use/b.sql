CREATE EXTENSION citext VERSION '1.5';
CREATE TABLE users (id integer PRIMARY KEY, email citext NOT NULL);
