-- covers: enums, columns; an enum is created and used by a new column with a default
CREATE TABLE tickets (id integer PRIMARY KEY, title text NOT NULL);
