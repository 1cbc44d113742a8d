CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

CREATE TABLE users (id integer PRIMARY KEY, login text COLLATE case_insensitive NOT NULL);

CREATE UNIQUE INDEX users_login_key ON users (login);
