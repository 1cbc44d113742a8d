-- covers: indexes, partitioned tables; an index that exists on one partition only is added and another moves to the parent
CREATE TABLE calls (id bigint NOT NULL, at date NOT NULL, caller text) PARTITION BY RANGE (at);

CREATE TABLE calls_2025 PARTITION OF calls FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE INDEX calls_2025_caller_idx ON calls_2025 (caller);
