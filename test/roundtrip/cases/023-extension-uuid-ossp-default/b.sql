CREATE EXTENSION "uuid-ossp";

CREATE TABLE sessions (
  id integer PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  token uuid NOT NULL DEFAULT uuid_generate_v4()
);
