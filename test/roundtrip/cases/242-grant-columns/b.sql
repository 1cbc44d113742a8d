CREATE TABLE employees (id integer PRIMARY KEY, name text NOT NULL, salary numeric, phone text);

GRANT SELECT (id, name) ON employees TO migrate_mcp_test_role;
GRANT UPDATE (name, phone) ON employees TO migrate_mcp_test_role;
GRANT SELECT (salary), REFERENCES (id) ON employees TO migrate_mcp_test_role2;
