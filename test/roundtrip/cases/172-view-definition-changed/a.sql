-- covers: views; a view's query changes (same columns, different filter and expression)
CREATE TABLE products (id integer PRIMARY KEY, price numeric NOT NULL, stock integer NOT NULL);

CREATE VIEW cheap_products AS SELECT id, price FROM products WHERE price < 10;
