-- covers: privileges (tables, views); table and view privileges are granted to two roles
CREATE TABLE orders (id integer PRIMARY KEY, total numeric);

CREATE VIEW order_ids AS SELECT id FROM orders;
