-- covers: default privileges, schemas; a schema goes with its rule (the rule is revoked before the schema is dropped, and granted again after the rollback creates it)
CREATE SCHEMA reports;
ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT SELECT ON TABLES TO migrate_mcp_test_role;
CREATE TABLE kept (id int);
