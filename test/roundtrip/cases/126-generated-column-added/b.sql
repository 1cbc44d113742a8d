CREATE TABLE line_items (
  id integer PRIMARY KEY,
  quantity integer NOT NULL,
  unit_price numeric(10, 2) NOT NULL,
  name text,
  total numeric GENERATED ALWAYS AS (quantity * unit_price) STORED,
  search text GENERATED ALWAYS AS (lower(name)) STORED
);
