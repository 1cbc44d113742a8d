CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, region text NOT NULL) PARTITION BY RANGE (at);

CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (region);

CREATE TABLE events_2025_eu PARTITION OF events_2025 FOR VALUES IN ('eu');

CREATE TABLE events_2025_us PARTITION OF events_2025 FOR VALUES IN ('us');

CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE INDEX events_2024_by_kind ON events_2024 (kind);

CREATE INDEX events_2025_kind ON ONLY events_2025 (kind);

CREATE INDEX eu_kind ON events_2025_eu (kind);

CREATE INDEX us_kind ON events_2025_us (kind);

ALTER INDEX events_2025_kind ATTACH PARTITION eu_kind;

ALTER INDEX events_2025_kind ATTACH PARTITION us_kind;

CREATE INDEX events_kind_idx ON ONLY events (kind);

COMMENT ON INDEX us_kind IS 'kind lookups for the US';

ALTER INDEX events_kind_idx ATTACH PARTITION events_2024_by_kind;

ALTER INDEX events_kind_idx ATTACH PARTITION events_2025_kind;
