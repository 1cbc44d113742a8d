-- covers: tables, inheritance, columns; a child with two parents; a column is added to one parent
CREATE TABLE named (name text NOT NULL);
CREATE TABLE timestamped (created_at timestamptz NOT NULL DEFAULT now());

CREATE TABLE widgets (id integer PRIMARY KEY) INHERITS (named, timestamped);
