CREATE TABLE named (name text NOT NULL, display_name text);
CREATE TABLE timestamped (created_at timestamptz NOT NULL DEFAULT now());

CREATE TABLE widgets (id integer PRIMARY KEY) INHERITS (named, timestamped);
