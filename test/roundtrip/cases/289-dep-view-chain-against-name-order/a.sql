-- covers: dependencies, views, columns; a chain of views over a retyped column whose names run against the chain (each view sorts before the one it reads), so propagation needs more than one pass
CREATE TABLE readings (id integer PRIMARY KEY, value integer NOT NULL);

CREATE VIEW z_base AS SELECT id, value FROM readings;

CREATE VIEW m_middle AS SELECT id, value FROM z_base WHERE value > 0;

CREATE VIEW a_top AS SELECT count(*) AS n, max(value) AS max_value FROM m_middle;
