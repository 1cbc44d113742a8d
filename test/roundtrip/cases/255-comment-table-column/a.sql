-- covers: comments (TABLE, COLUMN); table and column comments are added, changed and removed
CREATE TABLE orders (id integer PRIMARY KEY, total numeric, note text);

COMMENT ON TABLE orders IS 'customer orders';
COMMENT ON COLUMN orders.total IS 'gross';
COMMENT ON COLUMN orders.note IS 'free text';
