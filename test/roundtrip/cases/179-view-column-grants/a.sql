-- covers: views, materialized views, privileges; column privileges on a view and a materialized view are granted, changed and revoked, and a view-wide SELECT narrows to columns
CREATE TABLE accounts (id integer PRIMARY KEY, email text, secret text);
CREATE VIEW account_view AS SELECT id, email, secret FROM accounts;
GRANT SELECT ON account_view TO migrate_mcp_test_role;
CREATE VIEW public_accounts AS SELECT id, email FROM accounts;
GRANT SELECT (id) ON public_accounts TO migrate_mcp_test_role2;
CREATE MATERIALIZED VIEW account_totals AS SELECT count(*) AS n FROM accounts;
