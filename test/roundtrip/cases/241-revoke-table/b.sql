CREATE TABLE orders (id integer PRIMARY KEY, total numeric);

CREATE MATERIALIZED VIEW order_stats AS SELECT count(*) AS n FROM orders;

GRANT SELECT ON orders TO migrate_mcp_test_role;
