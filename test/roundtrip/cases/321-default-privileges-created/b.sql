CREATE SCHEMA app;
CREATE TABLE app.existing (id int);
-- Created before the rules: it has none of their privileges.
CREATE TABLE app.before_rules (id int);
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO migrate_mcp_test_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON SEQUENCES TO migrate_mcp_test_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO migrate_mcp_test_role2;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO migrate_mcp_test_role;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO migrate_mcp_test_role2;
-- Another role's rule: what that role creates later gets it.
ALTER DEFAULT PRIVILEGES FOR ROLE migrate_mcp_test_role IN SCHEMA app GRANT DELETE ON TABLES TO migrate_mcp_test_role2;
-- Created after them: it has their privileges.
CREATE TABLE app.after_rules (id serial);
CREATE FUNCTION app.one() RETURNS int LANGUAGE sql AS 'SELECT 1';
