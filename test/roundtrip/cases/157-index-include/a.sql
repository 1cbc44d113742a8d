-- covers: indexes (INCLUDE); an index gains INCLUDE columns (the index is recreated)
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, total numeric, status text);

CREATE INDEX orders_customer_idx ON orders (customer_id);
