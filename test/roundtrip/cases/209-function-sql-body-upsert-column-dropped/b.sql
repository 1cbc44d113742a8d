CREATE TABLE counters (key text PRIMARY KEY, hits bigint NOT NULL DEFAULT 0);
CREATE TABLE tags (name text PRIMARY KEY, uses integer NOT NULL DEFAULT 0);

CREATE FUNCTION bump(k text) RETURNS void LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO counters (key, hits) VALUES (k, 1) ON CONFLICT (key) DO UPDATE SET hits = counters.hits + 1;
END;

CREATE FUNCTION tag(t text) RETURNS void LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO tags (name) VALUES (t) ON CONFLICT (name) DO UPDATE SET uses = tags.uses + 1;
END;
