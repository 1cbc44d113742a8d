CREATE TABLE imports (
  id integer PRIMARY KEY,
  row_count integer DEFAULT 0,
  ok boolean,
  loaded_at timestamptz
);
