CREATE EXTENSION pg_trgm;
REVOKE EXECUTE ON FUNCTION similarity(text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION word_similarity(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION word_similarity(text, text) TO migrate_mcp_test_role2;

CREATE EXTENSION hstore;
REVOKE USAGE ON TYPE hstore FROM PUBLIC;
GRANT USAGE ON TYPE hstore TO migrate_mcp_test_role;
