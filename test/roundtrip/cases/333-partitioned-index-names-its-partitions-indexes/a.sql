-- covers: indexes, partitioned tables; a new index on a two-level partitioned table attaches a partition's existing index and names the others' own way (not the names PostgreSQL would choose)
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, region text NOT NULL) PARTITION BY RANGE (at);

CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (region);

CREATE TABLE events_2025_eu PARTITION OF events_2025 FOR VALUES IN ('eu');

CREATE TABLE events_2025_us PARTITION OF events_2025 FOR VALUES IN ('us');

CREATE INDEX events_2024_by_kind ON events_2024 (kind);
