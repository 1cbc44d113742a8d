CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');

CREATE TABLE orders (id integer PRIMARY KEY, status order_status NOT NULL DEFAULT 'new', previous order_status);

CREATE INDEX orders_open_idx ON orders (id) WHERE status <> 'shipped';

CREATE VIEW shipped_orders AS SELECT id, status FROM orders WHERE status = 'shipped';
