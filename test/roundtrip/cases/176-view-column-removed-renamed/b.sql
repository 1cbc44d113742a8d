CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text);

CREATE VIEW user_list AS SELECT id, name AS display_name FROM users;
