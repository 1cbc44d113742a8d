-- covers: tables, materialized views, views; storage parameters keep their stored order (same set reordered, a value changed in the middle)
CREATE TABLE events (id bigint PRIMARY KEY, payload text)
WITH (fillfactor = 70, autovacuum_enabled = false, autovacuum_vacuum_scale_factor = 0.2);

CREATE TABLE metrics (id bigint PRIMARY KEY)
WITH (autovacuum_analyze_threshold = 500, fillfactor = 90);

CREATE MATERIALIZED VIEW event_counts WITH (fillfactor = 60, autovacuum_enabled = false) AS
  SELECT count(*) AS n FROM events;

CREATE VIEW recent_events WITH (security_barrier = true, security_invoker = true) AS
  SELECT id FROM events WHERE id > 100;
