CREATE COLLATION bytewise FROM "C";

CREATE TABLE codes (id integer PRIMARY KEY, code text COLLATE bytewise NOT NULL);
