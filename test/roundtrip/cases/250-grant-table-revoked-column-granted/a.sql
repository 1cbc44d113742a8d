-- covers: privileges, columns; a role's table-wide SELECT narrows to two columns, and another role's table-wide UPDATE loses its grant option while one column keeps it (a table REVOKE also takes column privileges)
CREATE TABLE accounts (id integer PRIMARY KEY, email text, secret text);
GRANT SELECT ON accounts TO migrate_mcp_test_role;
CREATE TABLE notes (id integer PRIMARY KEY, body text);
GRANT UPDATE ON notes TO migrate_mcp_test_role2 WITH GRANT OPTION;
