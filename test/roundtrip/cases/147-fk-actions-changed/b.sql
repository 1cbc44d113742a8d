CREATE TABLE categories (id integer PRIMARY KEY);

CREATE TABLE products (
  id integer PRIMARY KEY,
  category_id integer DEFAULT 0 CONSTRAINT products_category_fk REFERENCES categories (id) ON DELETE SET DEFAULT,
  parent_category_id integer CONSTRAINT products_parent_fk REFERENCES categories (id) ON DELETE RESTRICT ON UPDATE RESTRICT
);
