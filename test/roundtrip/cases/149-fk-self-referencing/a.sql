-- covers: constraints (foreign key); a self-referencing FK is added to a tree table, and a second one is created with it
CREATE TABLE nodes (id integer PRIMARY KEY, parent_id integer, name text NOT NULL);
