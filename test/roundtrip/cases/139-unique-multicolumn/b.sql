CREATE TABLE seats (
  id integer PRIMARY KEY,
  hall text NOT NULL,
  row_no integer NOT NULL,
  seat_no integer NOT NULL,
  code text,
  CONSTRAINT seats_position_key UNIQUE (hall, row_no, seat_no)
);
