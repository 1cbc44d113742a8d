-- covers: collations, columns, indexes; a nondeterministic ICU collation is created and used by an indexed column
CREATE TABLE users (id integer PRIMARY KEY, login text NOT NULL);
