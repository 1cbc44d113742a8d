CREATE TABLE readings (id integer PRIMARY KEY, taken_on date NOT NULL, UNIQUE (taken_on, id));
CREATE INDEX readings_taken ON readings (taken_on);
ALTER TABLE readings CLUSTER ON readings_taken;
COMMENT ON INDEX readings_pkey IS 'the key';
COMMENT ON INDEX readings_taken_on_id_key IS 'new comment';

CREATE TABLE ledger (id integer NOT NULL, posted date NOT NULL, PRIMARY KEY (id, posted)) PARTITION BY RANGE (posted);
CREATE TABLE ledger_2024 PARTITION OF ledger FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE ledger_2025 PARTITION OF ledger FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX ledger_id ON ledger (id);
COMMENT ON INDEX ledger_2024_id_idx IS 'a partition''s copy';
COMMENT ON INDEX ledger_2025_pkey IS 'a new partition''s key';
