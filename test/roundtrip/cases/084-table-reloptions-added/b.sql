CREATE TABLE counters (id integer PRIMARY KEY, hits bigint NOT NULL DEFAULT 0)
WITH (fillfactor = 70, autovacuum_enabled = false);
