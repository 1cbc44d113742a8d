CREATE TABLE jobs (
  id integer PRIMARY KEY,
  attempts integer NOT NULL DEFAULT 3,
  queue text NOT NULL DEFAULT 'low',
  run_at timestamptz
);
