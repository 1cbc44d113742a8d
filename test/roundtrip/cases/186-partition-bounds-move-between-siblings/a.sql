-- covers: partitions; bounds move between sibling partitions in both directions, two range partitions merge into one, a hash modulus shrinks, and a new partition takes a range a sibling gives up (each bound is claimed only after its holder lets go)
CREATE TABLE readings (k integer NOT NULL, v text) PARTITION BY RANGE (k);
CREATE TABLE readings_a PARTITION OF readings FOR VALUES FROM (0) TO (10);
CREATE TABLE readings_b PARTITION OF readings FOR VALUES FROM (10) TO (20);
CREATE TABLE readings_c PARTITION OF readings FOR VALUES FROM (20) TO (40);
CREATE TABLE merged (k integer NOT NULL) PARTITION BY RANGE (k);
CREATE TABLE merged_1 PARTITION OF merged FOR VALUES FROM (0) TO (10);
CREATE TABLE merged_2 PARTITION OF merged FOR VALUES FROM (10) TO (20);
CREATE TABLE hashed (id integer NOT NULL) PARTITION BY HASH (id);
CREATE TABLE hashed_0 PARTITION OF hashed FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hashed_1 PARTITION OF hashed FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE regions (r text NOT NULL) PARTITION BY LIST (r);
CREATE TABLE regions_west PARTITION OF regions FOR VALUES IN ('us', 'ca', 'mx');
CREATE TABLE regions_east PARTITION OF regions FOR VALUES IN ('eu');
