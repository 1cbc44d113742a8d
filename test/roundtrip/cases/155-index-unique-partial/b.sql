CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, deleted_at timestamptz, active boolean NOT NULL DEFAULT true);

CREATE UNIQUE INDEX users_email_live_key ON users (email) WHERE deleted_at IS NULL;

CREATE INDEX users_inactive_idx ON users (id) WHERE NOT active;
