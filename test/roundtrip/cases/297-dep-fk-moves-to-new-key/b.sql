CREATE TABLE products (id integer NOT NULL UNIQUE, code text PRIMARY KEY);
CREATE UNIQUE INDEX products_id_uidx ON products (id);
CREATE TABLE lines (product_id integer, product_code text REFERENCES products (code));
