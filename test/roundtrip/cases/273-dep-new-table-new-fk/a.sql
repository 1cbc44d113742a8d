-- covers: dependencies, tables, constraints (foreign key); a new table and a new FK column referencing it are created
CREATE TABLE orders (id integer PRIMARY KEY, total numeric NOT NULL);
