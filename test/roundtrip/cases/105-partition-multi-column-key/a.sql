-- covers: partitioned tables (RANGE), partitions, partitioned indexes; a two-column range key with MINVALUE/MAXVALUE bounds and a unique index
CREATE TABLE readings (device integer NOT NULL, at date NOT NULL, value real) PARTITION BY RANGE (device, at);

CREATE TABLE readings_low PARTITION OF readings FOR VALUES FROM (MINVALUE, MINVALUE) TO (1000, MAXVALUE);
