-- covers: views; a view that another view reads from changes (the dependent view is dropped and recreated)
CREATE TABLE orders (id integer PRIMARY KEY, total numeric NOT NULL, paid boolean NOT NULL);

CREATE VIEW paid_orders AS SELECT id, total FROM orders WHERE paid;

CREATE VIEW paid_total AS SELECT sum(total) AS total FROM paid_orders;
