-- expect: MM101, MM201, MM301
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;
CREATE INDEX users_tenant_idx ON users (tenant_id);
ALTER TABLE users DROP COLUMN org_id;
