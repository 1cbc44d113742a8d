CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text);

CREATE VIEW user_names AS SELECT id, name, email FROM users;
