-- covers: collations, columns; a collation copied from "C" is created and used by a column
CREATE TABLE codes (id integer PRIMARY KEY, code text NOT NULL);
