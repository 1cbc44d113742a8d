CREATE TYPE order_state AS ENUM ('new', 'shipped', 'delivered');

CREATE TABLE orders (id integer PRIMARY KEY, state order_state NOT NULL);
