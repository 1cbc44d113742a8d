-- covers: dependencies, schemas, constraints (foreign key), views; a new schema whose table and view reference public objects
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
