-- covers: extensions, columns; hstore and the column that uses it are dropped
CREATE EXTENSION hstore;

CREATE TABLE products (id integer PRIMARY KEY, name text NOT NULL, attributes hstore);
