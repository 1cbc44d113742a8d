-- covers: tables; one storage parameter changes, one is reset, one is added
CREATE TABLE queue (id bigint PRIMARY KEY, payload jsonb)
WITH (fillfactor = 80, autovacuum_enabled = false, autovacuum_vacuum_scale_factor = 0.2);
