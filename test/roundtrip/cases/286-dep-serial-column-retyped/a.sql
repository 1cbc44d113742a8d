-- covers: columns, sequences, primary keys; an integer key becomes a smallserial (its own sequence) and back
CREATE TABLE ticket (
  id integer PRIMARY KEY CHECK (id > 0),
  title text NOT NULL
);
