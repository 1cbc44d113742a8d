-- covers: views; a recursive view and a view over VALUES are created
CREATE TABLE categories (id integer PRIMARY KEY, parent_id integer REFERENCES categories (id), name text NOT NULL);
