-- covers: collations, columns; a collation used by a column is dropped and the column goes back to the default
CREATE COLLATION bytewise FROM "C";

CREATE TABLE codes (id integer PRIMARY KEY, code text COLLATE bytewise NOT NULL);
