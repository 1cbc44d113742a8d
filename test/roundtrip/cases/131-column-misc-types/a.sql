-- covers: columns; columns of range, interval, inet, bit and array types are added, dropped and changed
CREATE TABLE bookings (
  id integer PRIMARY KEY,
  during tsrange,
  ip inet,
  flags bit(4),
  scores integer[]
);
