CREATE TABLE calls (id bigint NOT NULL, at date NOT NULL, caller text) PARTITION BY RANGE (at);

CREATE TABLE calls_2025 PARTITION OF calls FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE INDEX calls_caller_idx ON calls (caller);

CREATE INDEX calls_2025_id_idx ON calls_2025 (id);
