CREATE TABLE orders (id integer PRIMARY KEY, total numeric NOT NULL, paid boolean NOT NULL);

CREATE VIEW paid_orders AS SELECT id, total, total * 0.2 AS tax FROM orders WHERE paid AND total > 0;

CREATE VIEW paid_total AS SELECT sum(total) AS total FROM paid_orders;
