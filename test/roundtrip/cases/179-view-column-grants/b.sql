CREATE TABLE accounts (id integer PRIMARY KEY, email text, secret text);
CREATE VIEW account_view AS SELECT id, email, secret FROM accounts;
GRANT SELECT (id, email) ON account_view TO migrate_mcp_test_role;
GRANT UPDATE (email) ON account_view TO migrate_mcp_test_role2;
CREATE VIEW public_accounts AS SELECT id, email FROM accounts;
GRANT SELECT (email) ON public_accounts TO migrate_mcp_test_role2;
CREATE MATERIALIZED VIEW account_totals AS SELECT count(*) AS n FROM accounts;
GRANT SELECT (n) ON account_totals TO migrate_mcp_test_role;
