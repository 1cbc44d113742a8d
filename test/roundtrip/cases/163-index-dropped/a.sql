-- covers: indexes; a unique index, an expression index and a partial index are dropped
CREATE TABLE accounts (id integer PRIMARY KEY, login text NOT NULL, email text, closed boolean);

CREATE UNIQUE INDEX accounts_login_key ON accounts (login);
CREATE INDEX accounts_email_lower ON accounts (lower(email));
CREATE INDEX accounts_closed ON accounts (id) WHERE closed;
