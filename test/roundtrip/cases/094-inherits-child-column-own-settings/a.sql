-- covers: inheritance, columns, comments, privileges; a child's inherited columns get their own default, NOT NULL, comment and grant, while the parent's default changes too
CREATE TABLE base (id integer, kind text DEFAULT 'base', note text);
CREATE TABLE sub () INHERITS (base);
CREATE TABLE other () INHERITS (base);
