-- covers: everything together (multi-schema SaaS: partitions, RLS, policies, functions, matviews, sequences, grants); version 1
CREATE EXTENSION btree_gist;

CREATE SCHEMA core;
CREATE SCHEMA analytics;

CREATE TYPE core.plan AS ENUM ('free', 'team', 'enterprise');

CREATE TABLE core.tenants (
  id integer PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  plan core.plan NOT NULL DEFAULT 'free'
);

CREATE TABLE core.bookings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES core.tenants (id),
  room integer NOT NULL,
  during tstzrange NOT NULL,
  EXCLUDE USING gist (tenant_id WITH =, room WITH =, during WITH &&)
);

ALTER TABLE core.bookings ENABLE ROW LEVEL SECURITY;
CREATE POLICY bookings_tenant ON core.bookings USING (tenant_id = current_setting('app.tenant')::integer);

CREATE TABLE analytics.events (
  tenant_id integer NOT NULL,
  at date NOT NULL,
  kind text NOT NULL
) PARTITION BY RANGE (at);

CREATE TABLE analytics.events_2025 PARTITION OF analytics.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE INDEX events_tenant_idx ON analytics.events (tenant_id, at);

CREATE MATERIALIZED VIEW analytics.daily AS SELECT tenant_id, at, count(*) AS n FROM analytics.events GROUP BY tenant_id, at;

CREATE FUNCTION core.tenant_by_slug(p text) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT id FROM core.tenants WHERE slug = p $$;

GRANT USAGE ON SCHEMA core TO migrate_mcp_test_role;
GRANT SELECT ON core.tenants TO migrate_mcp_test_role;
