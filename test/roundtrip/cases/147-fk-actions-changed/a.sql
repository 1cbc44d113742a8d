-- covers: constraints (foreign key); foreign key actions change (NO ACTION to RESTRICT, CASCADE to SET DEFAULT)
CREATE TABLE categories (id integer PRIMARY KEY);

CREATE TABLE products (
  id integer PRIMARY KEY,
  category_id integer DEFAULT 0 CONSTRAINT products_category_fk REFERENCES categories (id) ON DELETE CASCADE,
  parent_category_id integer CONSTRAINT products_parent_fk REFERENCES categories (id)
);
