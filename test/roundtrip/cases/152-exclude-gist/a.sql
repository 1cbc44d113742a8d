-- covers: constraints (exclusion), extensions; an EXCLUDE USING gist constraint with btree_gist is added
CREATE EXTENSION btree_gist;

CREATE TABLE reservations (id integer PRIMARY KEY, room_id integer NOT NULL, during tstzrange NOT NULL);
