-- covers: columns; columns of several types are added, with and without defaults
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);
