CREATE TABLE readings (id integer PRIMARY KEY, value numeric, CONSTRAINT readings_value_check CHECK (value >= 0));
