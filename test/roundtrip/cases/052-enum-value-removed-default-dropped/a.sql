-- covers: enums, column defaults; an enum loses a value while its column loses the default that used it
CREATE TYPE shipping AS ENUM ('pending', 'packed', 'shipped', 'lost');
CREATE TABLE parcel (
  id integer PRIMARY KEY,
  state shipping DEFAULT 'packed'
);
