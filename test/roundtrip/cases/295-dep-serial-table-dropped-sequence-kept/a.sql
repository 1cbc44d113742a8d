-- covers: sequences, tables, dependencies; a table with a serial column is dropped while its sequence stays on its own (OWNED BY is given up before the table goes)
CREATE TABLE tickets (id serial PRIMARY KEY, title text);
CREATE TABLE keep (id integer);
