CREATE TABLE metrics (host text NOT NULL, at timestamptz NOT NULL, value double precision);

CREATE UNIQUE INDEX metrics_host_at ON metrics (host, at);

ALTER TABLE metrics REPLICA IDENTITY NOTHING;
