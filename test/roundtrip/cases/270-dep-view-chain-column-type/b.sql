CREATE TABLE measurements (id integer PRIMARY KEY, value numeric(12, 3) NOT NULL, unit text NOT NULL);

CREATE VIEW v_base AS SELECT id, value, unit FROM measurements;

CREATE VIEW v_metric AS SELECT id, value FROM v_base WHERE unit = 'm';

CREATE VIEW v_summary AS SELECT count(*) AS n, max(value) AS max_value FROM v_metric;
