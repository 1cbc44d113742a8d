CREATE SEQUENCE items_id_seq;

CREATE TABLE items (id integer PRIMARY KEY DEFAULT nextval('items_id_seq'), name text);

ALTER SEQUENCE items_id_seq OWNED BY items.id;
