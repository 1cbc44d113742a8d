-- covers: foreign keys, column types; a key and the column referencing it both change to a type with no cast between old and new
CREATE TABLE batch (
  code bigint PRIMARY KEY
);
CREATE TABLE item (
  id integer PRIMARY KEY,
  batch_code bigint REFERENCES batch (code)
);
