CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);

CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id), total numeric NOT NULL);

CREATE VIEW customer_totals AS
SELECT c.id, c.name, coalesce(sum(o.total), 0) AS total
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.name;
