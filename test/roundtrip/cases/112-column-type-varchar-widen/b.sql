CREATE TABLE contacts (
  id integer PRIMARY KEY,
  code varchar(20) NOT NULL,
  note text,
  amount numeric
);
