-- covers: dependencies, columns, views; a column is dropped together with the view that selects it, another view is kept
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, legacy_flag boolean);

CREATE VIEW legacy_users AS SELECT id, legacy_flag FROM users;

CREATE VIEW user_names AS SELECT id, name FROM users;
