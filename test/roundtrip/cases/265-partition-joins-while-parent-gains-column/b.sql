CREATE TABLE readings (meter_id integer NOT NULL, read_on date NOT NULL, kwh numeric, source text) PARTITION BY RANGE (read_on);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX readings_meter ON readings (meter_id, read_on);
