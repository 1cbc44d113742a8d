-- covers: indexes, partitioned tables; a partitioned index not yet valid gains a partition's existing index, and the rollback, which cannot detach it, rebuilds the partitioned index without it
CREATE TABLE metrics (id bigint, at date NOT NULL, name text) PARTITION BY RANGE (at);

CREATE TABLE metrics_1 PARTITION OF metrics FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE metrics_2 PARTITION OF metrics FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE INDEX metrics_name_idx ON ONLY metrics (name);

CREATE INDEX metrics_1_name ON metrics_1 (name);

ALTER INDEX metrics_name_idx ATTACH PARTITION metrics_1_name;

CREATE INDEX metrics_2_name ON metrics_2 (name);
