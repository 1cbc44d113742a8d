CREATE TABLE accounts (id integer PRIMARY KEY, email text, secret text);
GRANT SELECT (id, email) ON accounts TO migrate_mcp_test_role;
CREATE TABLE notes (id integer PRIMARY KEY, body text);
GRANT UPDATE ON notes TO migrate_mcp_test_role2;
GRANT UPDATE (body) ON notes TO migrate_mcp_test_role2 WITH GRANT OPTION;
