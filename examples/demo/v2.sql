-- The shop after this release: order status, bigger quantities, a real foreign key, no more fax.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');

CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL
);

CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));

CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers,
    quantity bigint NOT NULL,
    note text,
    status order_status NOT NULL DEFAULT 'new',
    placed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE VIEW order_summary AS
SELECT c.email, count(o.id) AS orders, sum(o.quantity) AS items
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
 GROUP BY c.email;
