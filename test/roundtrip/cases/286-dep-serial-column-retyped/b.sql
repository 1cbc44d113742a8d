CREATE TABLE ticket (
  id smallserial PRIMARY KEY CHECK (id > 0),
  title text NOT NULL
);
