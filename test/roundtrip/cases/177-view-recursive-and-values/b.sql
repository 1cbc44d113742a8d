CREATE TABLE categories (id integer PRIMARY KEY, parent_id integer REFERENCES categories (id), name text NOT NULL);

CREATE RECURSIVE VIEW category_paths (id, path) AS
  SELECT id, name FROM categories WHERE parent_id IS NULL
  UNION ALL
  SELECT c.id, p.path || '/' || c.name FROM categories c JOIN category_paths p ON c.parent_id = p.id;

CREATE VIEW weekdays (n, name) AS VALUES (1, 'mon'), (2, 'tue'), (3, 'wed');
