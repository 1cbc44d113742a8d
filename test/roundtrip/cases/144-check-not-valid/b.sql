CREATE TABLE customers (id integer PRIMARY KEY);

CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, total numeric);

ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;

ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
