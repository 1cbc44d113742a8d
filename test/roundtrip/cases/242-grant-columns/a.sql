-- covers: privileges (columns); column-level SELECT and UPDATE are granted, changed and revoked
CREATE TABLE employees (id integer PRIMARY KEY, name text NOT NULL, salary numeric, phone text);

GRANT SELECT (id, name, phone) ON employees TO migrate_mcp_test_role;
GRANT UPDATE (phone) ON employees TO migrate_mcp_test_role;
