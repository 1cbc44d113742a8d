CREATE TABLE accounts (id integer PRIMARY KEY, login text NOT NULL, email text, closed boolean);
