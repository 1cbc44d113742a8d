CREATE TABLE events (id bigint PRIMARY KEY, payload text)
WITH (fillfactor = 70, autovacuum_enabled = true, autovacuum_vacuum_scale_factor = 0.2);

CREATE TABLE metrics (id bigint PRIMARY KEY)
WITH (fillfactor = 90, autovacuum_analyze_threshold = 500);

CREATE MATERIALIZED VIEW event_counts WITH (autovacuum_enabled = false, fillfactor = 60) AS
  SELECT count(*) AS n FROM events;

CREATE VIEW recent_events WITH (security_invoker = true, security_barrier = true) AS
  SELECT id FROM events WHERE id > 100;
