-- covers: views; a column is appended to a view (CREATE OR REPLACE compatible)
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text);

CREATE VIEW user_names AS SELECT id, name FROM users;
