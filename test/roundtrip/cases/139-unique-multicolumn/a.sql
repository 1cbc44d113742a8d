-- covers: constraints (unique); a multi-column UNIQUE constraint is added and a single-column one dropped
CREATE TABLE seats (id integer PRIMARY KEY, hall text NOT NULL, row_no integer NOT NULL, seat_no integer NOT NULL, code text UNIQUE);
