-- covers: functions, columns, dependencies; a SQL-standard body with INSERT … ON CONFLICT DO UPDATE (which depends on every column of its table) is created, or rebuilt, while a column of that table is dropped
CREATE TABLE counters (key text PRIMARY KEY, hits bigint NOT NULL DEFAULT 0, updated_at timestamptz);
CREATE TABLE tags (name text PRIMARY KEY, uses integer NOT NULL DEFAULT 0, legacy text);

CREATE FUNCTION bump(k text, n bigint) RETURNS void LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO counters (key, hits) VALUES (k, n) ON CONFLICT (key) DO UPDATE SET hits = counters.hits + n;
END;
