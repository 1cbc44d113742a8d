CREATE TABLE queue (id bigint PRIMARY KEY, payload jsonb)
WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_threshold = 1000);
