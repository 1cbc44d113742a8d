CREATE TABLE products (id integer PRIMARY KEY, cents integer NOT NULL);

CREATE FUNCTION to_price(cents integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(cents / 100.0, 'FM999990.00') $$;

CREATE VIEW product_prices AS SELECT id, to_price(cents) AS price FROM products;
