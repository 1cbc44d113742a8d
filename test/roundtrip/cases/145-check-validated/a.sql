-- covers: constraints (check); a NOT VALID CHECK becomes validated
CREATE TABLE readings (id integer PRIMARY KEY, value numeric);

ALTER TABLE readings ADD CONSTRAINT readings_value_check CHECK (value >= 0) NOT VALID;
