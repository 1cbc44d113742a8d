CREATE COLLATION bytewise FROM "C";

CREATE TABLE words (
  id integer PRIMARY KEY,
  word text COLLATE "POSIX",
  stem text COLLATE bytewise,
  lemma text
);
