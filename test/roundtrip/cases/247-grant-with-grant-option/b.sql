CREATE TABLE catalog (id integer PRIMARY KEY, name text);

CREATE FUNCTION catalog_size() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM catalog $$;

GRANT SELECT ON catalog TO migrate_mcp_test_role WITH GRANT OPTION;
GRANT UPDATE ON catalog TO migrate_mcp_test_role2;
GRANT EXECUTE ON FUNCTION catalog_size() TO migrate_mcp_test_role WITH GRANT OPTION;
