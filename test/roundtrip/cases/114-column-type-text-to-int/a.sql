-- covers: columns, defaults; type changes that need USING (text to integer, text to boolean, text to timestamptz)
CREATE TABLE imports (
  id integer PRIMARY KEY,
  row_count text DEFAULT '0',
  ok text,
  loaded_at text
);
