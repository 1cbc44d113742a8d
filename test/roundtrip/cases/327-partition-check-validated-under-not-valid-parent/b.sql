CREATE TABLE ledger (id int, amount int, book text) PARTITION BY LIST (book);
ALTER TABLE ledger ADD CONSTRAINT ledger_amount_positive CHECK (amount > 0) NOT VALID;
CREATE TABLE ledger_main PARTITION OF ledger FOR VALUES IN ('main');
CREATE TABLE ledger_side PARTITION OF ledger FOR VALUES IN ('side');
