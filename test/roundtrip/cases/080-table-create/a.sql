-- covers: tables, columns, constraints; a table is created next to an existing one
CREATE TABLE authors (id integer PRIMARY KEY, name text NOT NULL);
