CREATE TABLE readings (id bigint NOT NULL, at date NOT NULL, value numeric) PARTITION BY RANGE (at);

CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
