-- covers: dependencies, domains, functions; a function used by a domain CHECK changes body
CREATE FUNCTION valid_iban(s text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(s) BETWEEN 15 AND 34 $$;

CREATE DOMAIN iban AS text CHECK (valid_iban(VALUE));

CREATE TABLE bank_accounts (id integer PRIMARY KEY, iban iban NOT NULL);
