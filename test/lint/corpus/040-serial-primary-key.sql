-- expect: MM501, MM502
CREATE TABLE tags (
  id serial,
  label text NOT NULL,
  PRIMARY KEY (id)
);
