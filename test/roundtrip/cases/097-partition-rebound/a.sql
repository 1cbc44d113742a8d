-- covers: partitioned tables (RANGE, LIST), partitions; partition bounds change (detach and attach with new bounds)
CREATE TABLE logs (at timestamptz NOT NULL, line text) PARTITION BY RANGE (at);
CREATE TABLE logs_q1 PARTITION OF logs FOR VALUES FROM ('2025-01-01 00:00+00') TO ('2025-04-01 00:00+00');

CREATE TABLE stores (id integer NOT NULL, country text NOT NULL) PARTITION BY LIST (country);
CREATE TABLE stores_dach PARTITION OF stores FOR VALUES IN ('de', 'at');
