-- covers: views; a view loses a column and another is renamed (the view must be dropped and recreated)
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text);

CREATE VIEW user_list AS SELECT id, name, email FROM users;
