CREATE TYPE shipping AS ENUM ('pending', 'packed', 'shipped');
CREATE TABLE parcel (
  id integer PRIMARY KEY,
  state shipping
);
