-- covers: views; a view is dropped while its table stays
CREATE TABLE products (id integer PRIMARY KEY, price numeric NOT NULL, discontinued boolean NOT NULL DEFAULT false);

CREATE VIEW active_products AS SELECT id, price FROM products WHERE NOT discontinued;
