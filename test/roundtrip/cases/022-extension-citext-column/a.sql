-- covers: extensions, columns; citext is added and an existing column changes type from text to citext
CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL UNIQUE);
