-- covers: partitioned tables, constraints (NOT VALID); a parent gets a NOT VALID check while its partitions hold it validated, as partitions created after such a check do (each partition's copy is validated on its own)
CREATE TABLE ledger (id int, amount int, book text) PARTITION BY LIST (book);
CREATE TABLE ledger_main PARTITION OF ledger FOR VALUES IN ('main');
CREATE TABLE ledger_side PARTITION OF ledger FOR VALUES IN ('side');
