-- covers: views; a view is created over a join
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);

CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id), total numeric NOT NULL);
