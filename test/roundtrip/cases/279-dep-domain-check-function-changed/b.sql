CREATE FUNCTION valid_iban(s text) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT length(s) BETWEEN 15 AND 34 AND s ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]+$' $$;

CREATE DOMAIN iban AS text CHECK (valid_iban(VALUE));

CREATE TABLE bank_accounts (id integer PRIMARY KEY, iban iban NOT NULL);
