-- covers: enums; an enum value is renamed (no hint: it is a remove plus an add)
CREATE TYPE order_state AS ENUM ('new', 'shiped', 'delivered');

CREATE TABLE orders (id integer PRIMARY KEY, state order_state NOT NULL);
