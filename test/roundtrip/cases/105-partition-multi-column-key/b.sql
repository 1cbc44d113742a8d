CREATE TABLE readings (device integer NOT NULL, at date NOT NULL, value real) PARTITION BY RANGE (device, at);

CREATE TABLE readings_low PARTITION OF readings FOR VALUES FROM (MINVALUE, MINVALUE) TO (1000, MAXVALUE);
CREATE TABLE readings_high PARTITION OF readings FOR VALUES FROM (1000, MAXVALUE) TO (MAXVALUE, MAXVALUE);

CREATE UNIQUE INDEX readings_device_at ON readings (device, at);
