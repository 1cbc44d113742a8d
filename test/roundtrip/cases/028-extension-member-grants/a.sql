-- covers: extensions, privileges; privileges on an extension's functions and types change from what its script left them (revoked from PUBLIC, granted to a role), on an existing extension and a new one
CREATE EXTENSION pg_trgm;
GRANT EXECUTE ON FUNCTION similarity(text, text) TO migrate_mcp_test_role;
