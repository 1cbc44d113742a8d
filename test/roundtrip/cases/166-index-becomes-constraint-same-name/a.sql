-- covers: indexes, unique constraints; a plain unique index becomes a UNIQUE constraint of the same name
CREATE TABLE account (
  id integer PRIMARY KEY,
  email text NOT NULL,
  handle text NOT NULL
);
CREATE UNIQUE INDEX account_email_key ON account (email);
CREATE UNIQUE INDEX account_handle_uq ON account (handle);
