-- covers: materialized views, views; a materialized view built on a view; the view changes underneath it
CREATE TABLE items (id integer PRIMARY KEY, price numeric NOT NULL, vat numeric NOT NULL DEFAULT 0.19);

CREATE VIEW priced_items AS SELECT id, price FROM items;

CREATE MATERIALIZED VIEW price_summary AS SELECT count(*) AS n, avg(price) AS avg_price FROM priced_items;
