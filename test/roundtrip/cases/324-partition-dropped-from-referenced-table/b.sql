CREATE TABLE accounts (id int NOT NULL, region text NOT NULL, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE accounts_eu PARTITION OF accounts FOR VALUES IN ('eu');
CREATE TABLE orders (id int PRIMARY KEY, account int, region text, FOREIGN KEY (account, region) REFERENCES accounts (id, region));
