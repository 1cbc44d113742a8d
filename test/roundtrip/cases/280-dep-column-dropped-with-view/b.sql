CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);

CREATE VIEW user_names AS SELECT id, name FROM users;
