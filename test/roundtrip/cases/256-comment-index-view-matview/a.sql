-- covers: comments (INDEX, VIEW, MATERIALIZED VIEW); comments on an index, a view and a materialized view are added
CREATE TABLE orders (id integer PRIMARY KEY, total numeric);

CREATE INDEX orders_total_idx ON orders (total);

CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 1000;

CREATE MATERIALIZED VIEW order_sum AS SELECT sum(total) AS total FROM orders;
