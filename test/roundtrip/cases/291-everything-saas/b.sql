CREATE EXTENSION btree_gist;

CREATE SCHEMA core;
CREATE SCHEMA analytics;
COMMENT ON SCHEMA analytics IS 'append-only event data';

CREATE TYPE core.plan AS ENUM ('free', 'starter', 'team', 'enterprise');

CREATE TABLE core.tenants (
  id integer PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
  plan core.plan NOT NULL DEFAULT 'starter',
  seats integer NOT NULL DEFAULT 5
);

CREATE TABLE core.bookings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES core.tenants (id) ON DELETE CASCADE,
  room integer NOT NULL,
  during tstzrange NOT NULL,
  note text,
  EXCLUDE USING gist (tenant_id WITH =, room WITH =, during WITH &&)
);

ALTER TABLE core.bookings ENABLE ROW LEVEL SECURITY;
ALTER TABLE core.bookings FORCE ROW LEVEL SECURITY;
CREATE POLICY bookings_tenant ON core.bookings USING (tenant_id = current_setting('app.tenant')::integer)
  WITH CHECK (tenant_id = current_setting('app.tenant')::integer);
CREATE POLICY bookings_no_past ON core.bookings AS RESTRICTIVE FOR INSERT WITH CHECK (upper(during) > '2025-01-01');

CREATE TABLE analytics.events (
  tenant_id integer NOT NULL,
  at date NOT NULL,
  kind text NOT NULL
) PARTITION BY RANGE (at);

CREATE TABLE analytics.events_2025 PARTITION OF analytics.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE analytics.events_2026 PARTITION OF analytics.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE analytics.events_default PARTITION OF analytics.events DEFAULT;

CREATE INDEX events_tenant_idx ON analytics.events (tenant_id, at, kind);

CREATE MATERIALIZED VIEW analytics.daily AS
SELECT tenant_id, at, kind, count(*) AS n FROM analytics.events GROUP BY tenant_id, at, kind WITH NO DATA;

CREATE UNIQUE INDEX daily_key ON analytics.daily (tenant_id, at, kind);

CREATE FUNCTION core.tenant_by_slug(p text) RETURNS integer LANGUAGE sql STABLE STRICT AS $$ SELECT id FROM core.tenants WHERE slug = lower(p) $$;
REVOKE EXECUTE ON FUNCTION core.tenant_by_slug(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.tenant_by_slug(text) TO migrate_mcp_test_role;

GRANT USAGE ON SCHEMA core TO migrate_mcp_test_role;
GRANT USAGE ON SCHEMA analytics TO migrate_mcp_test_role2;
GRANT SELECT ON core.tenants TO migrate_mcp_test_role;
GRANT SELECT ON analytics.daily TO migrate_mcp_test_role2;
