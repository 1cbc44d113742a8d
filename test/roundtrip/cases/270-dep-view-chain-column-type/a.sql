-- covers: dependencies, views, columns; a chain of three views over a column whose type changes (all views dropped and recreated)
CREATE TABLE measurements (id integer PRIMARY KEY, value integer NOT NULL, unit text NOT NULL);

CREATE VIEW v_base AS SELECT id, value, unit FROM measurements;

CREATE VIEW v_metric AS SELECT id, value FROM v_base WHERE unit = 'm';

CREATE VIEW v_summary AS SELECT count(*) AS n, max(value) AS max_value FROM v_metric;
