CREATE TABLE items (id integer PRIMARY KEY, cents integer NOT NULL);

CREATE VIEW item_prices AS SELECT id, cents / 100.0 AS price FROM items;
