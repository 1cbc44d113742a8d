-- covers: partitioned tables (HASH), partitioned indexes, constraints; partitions get a new modulus while the parent gains an index and a unique key (and, in the rollback, loses them before its partitions are detached, so their clones go too)
CREATE TABLE visits (id int NOT NULL, member int NOT NULL, at timestamptz, PRIMARY KEY (id)) PARTITION BY HASH (id);
CREATE TABLE visits_p0 PARTITION OF visits FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE visits_p1 PARTITION OF visits FOR VALUES WITH (MODULUS 2, REMAINDER 1);
