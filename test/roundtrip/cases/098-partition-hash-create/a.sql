-- covers: partitioned tables (HASH), partitions; a hash-partitioned table with four partitions is created
CREATE TABLE users (id bigint PRIMARY KEY);
