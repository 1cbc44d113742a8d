-- expect: MM501
CREATE TABLE tags (
  id integer PRIMARY KEY,
  label text NOT NULL
);
