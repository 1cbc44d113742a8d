-- covers: columns, constraints; rewriting type changes int to bigint on a primary key and the FK column pointing at it
CREATE TABLE accounts (id integer PRIMARY KEY);

CREATE TABLE transfers (id integer PRIMARY KEY, account_id integer NOT NULL REFERENCES accounts (id), amount real);
