CREATE TABLE batch (
  code date PRIMARY KEY
);
CREATE TABLE item (
  id integer PRIMARY KEY,
  batch_code date REFERENCES batch (code)
);
