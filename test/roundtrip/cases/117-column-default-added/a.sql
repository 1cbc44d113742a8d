-- covers: columns, defaults; defaults are added (a constant, a volatile function, an expression)
CREATE TABLE posts (id integer PRIMARY KEY, views integer, created_at timestamptz, slug text);
