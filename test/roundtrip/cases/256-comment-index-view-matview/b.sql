CREATE TABLE orders (id integer PRIMARY KEY, total numeric);

CREATE INDEX orders_total_idx ON orders (total);
COMMENT ON INDEX orders_total_idx IS 'for range scans on total';

CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 1000;
COMMENT ON VIEW big_orders IS 'orders over 1000';
COMMENT ON COLUMN big_orders.total IS 'gross';

CREATE MATERIALIZED VIEW order_sum AS SELECT sum(total) AS total FROM orders;
COMMENT ON MATERIALIZED VIEW order_sum IS 'refreshed hourly';
