-- covers: privileges (schemas); USAGE and CREATE on schemas are granted and revoked
CREATE SCHEMA app;
CREATE SCHEMA internal;

GRANT USAGE, CREATE ON SCHEMA internal TO migrate_mcp_test_role;
