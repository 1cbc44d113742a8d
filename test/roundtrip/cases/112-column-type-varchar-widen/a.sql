-- covers: columns; binary-coercible type changes (varchar(10) to varchar(20), varchar to text, numeric(10,2) to numeric)
CREATE TABLE contacts (
  id integer PRIMARY KEY,
  code varchar(10) NOT NULL,
  note varchar(200),
  amount numeric(10, 2)
);
