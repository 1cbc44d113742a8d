CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application tables (owned by the platform team)';

CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'read-only reporting views';

CREATE SCHEMA staging;
