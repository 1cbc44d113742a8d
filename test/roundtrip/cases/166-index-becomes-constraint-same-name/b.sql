CREATE TABLE account (
  id integer PRIMARY KEY,
  email text NOT NULL,
  handle text NOT NULL
);
CREATE UNIQUE INDEX account_email_key ON account (email);
ALTER TABLE account ADD CONSTRAINT account_email_key UNIQUE USING INDEX account_email_key;
CREATE UNIQUE INDEX account_handle_uq ON account (handle);
