CREATE TABLE users (id integer PRIMARY KEY);
CREATE TABLE sessions (id integer PRIMARY KEY, user_id integer REFERENCES users (id));
CREATE TABLE events (id integer PRIMARY KEY, session_id integer REFERENCES sessions (id));
CREATE UNLOGGED TABLE cache (id integer PRIMARY KEY);
CREATE TABLE pages (id integer PRIMARY KEY, cache_id integer);
