-- covers: tables, constraints; unlogged tables joined by foreign keys become logged (referenced table first), and a referenced table becomes unlogged once the key from a logged table is gone
CREATE UNLOGGED TABLE users (id integer PRIMARY KEY);
CREATE UNLOGGED TABLE sessions (id integer PRIMARY KEY, user_id integer REFERENCES users (id));
CREATE UNLOGGED TABLE events (id integer PRIMARY KEY, session_id integer REFERENCES sessions (id));
CREATE TABLE cache (id integer PRIMARY KEY);
CREATE TABLE pages (id integer PRIMARY KEY, cache_id integer REFERENCES cache (id));
