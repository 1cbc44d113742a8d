CREATE TABLE reports (id integer PRIMARY KEY, team text NOT NULL);

ALTER TABLE reports ENABLE ROW LEVEL SECURITY;

CREATE POLICY reports_team ON reports FOR SELECT TO migrate_mcp_test_role, migrate_mcp_test_role2 USING (team = 'ops');
CREATE POLICY reports_admin ON reports FOR ALL TO PUBLIC USING (true);
