-- covers: constraints (primary key); a primary key is added to a table without one
CREATE TABLE tags (name text NOT NULL, color text);
