CREATE TABLE ledger (id integer PRIMARY KEY, amount numeric NOT NULL);

ALTER TABLE ledger REPLICA IDENTITY FULL;
