-- covers: columns, defaults; defaults change value and one is dropped
CREATE TABLE jobs (
  id integer PRIMARY KEY,
  attempts integer NOT NULL DEFAULT 0,
  queue text NOT NULL DEFAULT 'default',
  run_at timestamptz DEFAULT now()
);
