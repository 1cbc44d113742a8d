CREATE TABLE products (id integer PRIMARY KEY, price numeric NOT NULL, stock integer NOT NULL);

CREATE VIEW cheap_products AS SELECT id, round(price, 2) AS price FROM products WHERE price < 20 AND stock > 0;
