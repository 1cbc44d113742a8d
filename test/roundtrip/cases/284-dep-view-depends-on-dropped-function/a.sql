-- covers: dependencies, functions, views; a function is dropped and the view that used it is rewritten without it
CREATE TABLE items (id integer PRIMARY KEY, cents integer NOT NULL);

CREATE FUNCTION euros(c integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT c / 100.0 $$;

CREATE VIEW item_prices AS SELECT id, euros(cents) AS price FROM items;
