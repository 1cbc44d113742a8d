CREATE TABLE items (id integer PRIMARY KEY, name text);

CREATE SEQUENCE items_id_seq AS integer;
