-- covers: tables; storage parameters fillfactor and autovacuum_enabled are set
CREATE TABLE counters (id integer PRIMARY KEY, hits bigint NOT NULL DEFAULT 0);
