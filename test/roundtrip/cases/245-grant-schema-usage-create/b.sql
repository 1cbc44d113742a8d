CREATE SCHEMA app;
CREATE SCHEMA internal;

GRANT USAGE ON SCHEMA app TO migrate_mcp_test_role, migrate_mcp_test_role2;
GRANT CREATE ON SCHEMA app TO migrate_mcp_test_role;
GRANT USAGE ON SCHEMA internal TO migrate_mcp_test_role;
