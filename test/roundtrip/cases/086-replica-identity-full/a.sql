-- covers: tables; REPLICA IDENTITY goes from DEFAULT to FULL
CREATE TABLE ledger (id integer PRIMARY KEY, amount numeric NOT NULL);
