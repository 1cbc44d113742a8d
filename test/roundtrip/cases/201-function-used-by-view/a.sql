-- covers: functions, views; a function used by a view changes its return type (the view is dropped and recreated)
CREATE TABLE products (id integer PRIMARY KEY, cents integer NOT NULL);

CREATE FUNCTION to_price(cents integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT cents / 100.0 $$;

CREATE VIEW product_prices AS SELECT id, to_price(cents) AS price FROM products;
