-- covers: functions (SQL-standard body), columns; a BEGIN ATOMIC function depends on a column whose type changes
CREATE TABLE stock (id integer PRIMARY KEY, qty integer NOT NULL);

CREATE FUNCTION total_stock() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT sum(qty) FROM stock;
END;
