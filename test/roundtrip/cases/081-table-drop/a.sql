-- covers: tables, indexes, constraints; a table with indexes and an incoming FK is dropped with the referencing table
CREATE TABLE authors (id integer PRIMARY KEY, name text NOT NULL);

CREATE TABLE books (id integer PRIMARY KEY, author_id integer REFERENCES authors (id), title text NOT NULL);

CREATE INDEX books_title_idx ON books (title);

CREATE TABLE tags (id integer PRIMARY KEY);
