-- covers: partitioned tables, constraints; a partition leaves a dropped parent for a new one that has a CHECK (the check is added to the partition after it leaves and before it is attached)
CREATE TABLE readings (id int, sensor text NOT NULL) PARTITION BY LIST (sensor);
CREATE TABLE readings_a PARTITION OF readings FOR VALUES IN ('a');
