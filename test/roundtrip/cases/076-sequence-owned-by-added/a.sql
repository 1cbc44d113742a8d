-- covers: sequences, columns; an existing sequence becomes OWNED BY the column whose default uses it
CREATE SEQUENCE items_id_seq;

CREATE TABLE items (id integer PRIMARY KEY DEFAULT nextval('items_id_seq'), name text);
