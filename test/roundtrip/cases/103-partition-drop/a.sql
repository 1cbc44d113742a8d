-- covers: partitioned tables (RANGE), partitions; an old partition is dropped and a plain table is attached as a partition
CREATE TABLE audit (at date NOT NULL, who text) PARTITION BY RANGE (at);

CREATE TABLE audit_2023 PARTITION OF audit FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE audit_2024 PARTITION OF audit FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE audit_2025 (at date NOT NULL, who text);
