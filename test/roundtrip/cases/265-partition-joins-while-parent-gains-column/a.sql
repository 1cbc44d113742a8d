-- covers: partitioned tables, columns, indexes; a plain table with a dropped column joins a partitioned table that gains a column and an index in the same plan; rolled back, it leaves and drops the copies it kept (numbered after the comments)
CREATE TABLE readings (meter_id integer NOT NULL, read_on date NOT NULL, kwh numeric) PARTITION BY RANGE (read_on);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE readings_2025 (legacy_flag boolean, read_on date NOT NULL, meter_id integer NOT NULL, kwh numeric);
ALTER TABLE readings_2025 DROP COLUMN legacy_flag;
