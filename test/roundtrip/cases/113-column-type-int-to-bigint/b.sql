CREATE TABLE accounts (id bigint PRIMARY KEY);

CREATE TABLE transfers (id integer PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id), amount double precision);
