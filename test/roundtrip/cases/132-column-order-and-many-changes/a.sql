-- covers: columns, defaults, constraints; several changes at once on one table (add, drop, type, default, NOT NULL)
CREATE TABLE profiles (
  id integer PRIMARY KEY,
  handle varchar(20) NOT NULL,
  age smallint,
  website text DEFAULT 'http://',
  deleted boolean
);
