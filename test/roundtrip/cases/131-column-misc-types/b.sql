CREATE TABLE bookings (
  id integer PRIMARY KEY,
  during tstzrange,
  ip cidr,
  flags bit varying(8),
  scores bigint[],
  grace interval DEFAULT '15 minutes'
);
