-- covers: domains, columns; a domain with a CHECK constraint is created and used by a new column
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
