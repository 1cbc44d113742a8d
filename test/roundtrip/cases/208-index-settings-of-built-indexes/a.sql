-- covers: indexes, constraints, partitioned tables, comments; comments and CLUSTER ON of the indexes a key constraint or a parent's index builds
CREATE TABLE readings (id integer PRIMARY KEY, taken_on date NOT NULL, UNIQUE (taken_on, id));
CREATE INDEX readings_taken ON readings (taken_on);
ALTER TABLE readings CLUSTER ON readings_pkey;
COMMENT ON INDEX readings_taken_on_id_key IS 'old comment';

CREATE TABLE ledger (id integer NOT NULL, posted date NOT NULL) PARTITION BY RANGE (posted);
CREATE TABLE ledger_2024 PARTITION OF ledger FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ledger_id ON ledger (id);
