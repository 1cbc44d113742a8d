-- covers: columns, collations; a column's collation changes, another gets one and a third loses it
CREATE COLLATION bytewise FROM "C";

CREATE TABLE words (
  id integer PRIMARY KEY,
  word text COLLATE "C",
  stem text,
  lemma text COLLATE bytewise
);
