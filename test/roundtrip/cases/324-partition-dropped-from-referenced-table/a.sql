-- covers: partitioned tables, foreign keys; a partition of a table that a foreign key references is dropped (detached first: PostgreSQL refuses to drop it while the key holds it), and in the rollback created again
CREATE TABLE accounts (id int NOT NULL, region text NOT NULL, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE accounts_eu PARTITION OF accounts FOR VALUES IN ('eu');
CREATE TABLE accounts_us PARTITION OF accounts FOR VALUES IN ('us');
CREATE TABLE orders (id int PRIMARY KEY, account int, region text, FOREIGN KEY (account, region) REFERENCES accounts (id, region));
