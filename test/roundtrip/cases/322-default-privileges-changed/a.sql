-- covers: default privileges; a schema's rule changes grantees, privileges and the grant option, a rule for everywhere that revokes EXECUTE from PUBLIC goes, and a new function and table get only the target's privileges
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO migrate_mcp_test_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO migrate_mcp_test_role2;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
