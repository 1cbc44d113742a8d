CREATE TABLE accounts (id integer, email text);
GRANT INSERT ON accounts TO PUBLIC;
GRANT SELECT ON accounts TO migrate_mcp_test_role;
GRANT UPDATE (email) ON accounts TO PUBLIC;
GRANT UPDATE (email) ON accounts TO migrate_mcp_test_role2;

CREATE TABLE ledger (id integer);
GRANT SELECT ON ledger TO migrate_mcp_test_role2;
GRANT SELECT ON ledger TO PUBLIC;
GRANT SELECT, INSERT ON ledger TO migrate_mcp_test_role;

CREATE TABLE audit (id integer);
GRANT SELECT ON audit TO migrate_mcp_test_role2;
GRANT SELECT ON audit TO PUBLIC;
GRANT SELECT ON audit TO migrate_mcp_test_role;

CREATE SCHEMA reports;
GRANT CREATE ON SCHEMA reports TO migrate_mcp_test_role;
GRANT USAGE ON SCHEMA reports TO PUBLIC;
