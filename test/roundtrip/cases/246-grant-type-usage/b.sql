CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
REVOKE USAGE ON TYPE mood FROM PUBLIC;
GRANT USAGE ON TYPE mood TO migrate_mcp_test_role;

CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
REVOKE USAGE ON DOMAIN positive FROM PUBLIC;
GRANT USAGE ON DOMAIN positive TO migrate_mcp_test_role2;
