-- covers: privileges (tables, materialized views); table privileges are revoked and reduced
CREATE TABLE orders (id integer PRIMARY KEY, total numeric);

CREATE MATERIALIZED VIEW order_stats AS SELECT count(*) AS n FROM orders;

GRANT SELECT, INSERT, UPDATE, DELETE ON orders TO migrate_mcp_test_role;
GRANT SELECT ON orders TO migrate_mcp_test_role2;
GRANT SELECT ON order_stats TO migrate_mcp_test_role;
