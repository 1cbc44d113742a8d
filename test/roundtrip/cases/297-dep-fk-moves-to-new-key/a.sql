-- covers: constraints, indexes, dependencies; the primary key moves to another column and a unique constraint becomes a unique index while foreign keys reference them (each key is added only after the key it replaces is gone, or it would bind to it)
CREATE TABLE products (id integer PRIMARY KEY, code text NOT NULL CONSTRAINT products_code_key UNIQUE);
CREATE TABLE lines (product_id integer REFERENCES products (id), product_code text REFERENCES products (code));
