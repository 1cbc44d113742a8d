CREATE TABLE products (id integer PRIMARY KEY, price numeric NOT NULL, discontinued boolean NOT NULL DEFAULT false);
