CREATE TABLE notes (id integer PRIMARY KEY, owner name NOT NULL);
