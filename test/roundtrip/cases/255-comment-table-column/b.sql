CREATE TABLE orders (id integer PRIMARY KEY, total numeric, note text);

COMMENT ON TABLE orders IS 'customer orders, one row per checkout';
COMMENT ON COLUMN orders.id IS 'surrogate key';
COMMENT ON COLUMN orders.total IS 'gross, in EUR';
