CREATE TABLE orders (id integer PRIMARY KEY, total numeric);

CREATE VIEW order_ids AS SELECT id FROM orders;

GRANT SELECT, INSERT, UPDATE ON orders TO migrate_mcp_test_role;
GRANT ALL ON orders TO migrate_mcp_test_role2;
GRANT SELECT ON order_ids TO migrate_mcp_test_role, migrate_mcp_test_role2;
