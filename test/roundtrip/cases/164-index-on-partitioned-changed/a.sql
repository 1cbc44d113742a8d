-- covers: indexes, partitioned indexes, partitioned tables; an index on a partitioned table changes definition and a unique one is added
CREATE TABLE hits (site text NOT NULL, at date NOT NULL, path text) PARTITION BY RANGE (at);

CREATE TABLE hits_2025 PARTITION OF hits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE INDEX hits_site_idx ON hits (site);
