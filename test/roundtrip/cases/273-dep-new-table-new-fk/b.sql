CREATE TABLE warehouses (id integer PRIMARY KEY, city text NOT NULL);

CREATE TABLE orders (
  id integer PRIMARY KEY,
  total numeric NOT NULL,
  warehouse_id integer REFERENCES warehouses (id) ON DELETE RESTRICT
);
