-- covers: tables; an UNLOGGED table becomes LOGGED
CREATE UNLOGGED TABLE cache_entries (key text PRIMARY KEY, value bytea, expires_at timestamptz);
