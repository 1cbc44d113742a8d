CREATE TABLE stock (id integer PRIMARY KEY, qty bigint NOT NULL);

CREATE FUNCTION total_stock() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT sum(qty) FROM stock;
END;
