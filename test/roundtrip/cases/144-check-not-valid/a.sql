-- covers: constraints (check, foreign key); constraints are added NOT VALID and left unvalidated
CREATE TABLE customers (id integer PRIMARY KEY);

CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, total numeric);
