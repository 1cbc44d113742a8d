-- covers: privileges; grants to several grantees keep the order they were given in (pg_dump prints it): new objects, reordered grantees, and a grantee added between two others
CREATE TABLE accounts (id integer, email text);
GRANT SELECT ON accounts TO migrate_mcp_test_role;
GRANT INSERT ON accounts TO PUBLIC;
GRANT UPDATE (email) ON accounts TO migrate_mcp_test_role2;
GRANT UPDATE (email) ON accounts TO PUBLIC;

CREATE TABLE ledger (id integer);
GRANT SELECT ON ledger TO migrate_mcp_test_role2;
GRANT SELECT ON ledger TO migrate_mcp_test_role;

CREATE SCHEMA reports;
GRANT USAGE ON SCHEMA reports TO PUBLIC;
GRANT CREATE ON SCHEMA reports TO migrate_mcp_test_role;
