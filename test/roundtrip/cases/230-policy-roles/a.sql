-- covers: policies (TO roles); a policy's roles change from PUBLIC to two roles and another from a role to PUBLIC
CREATE TABLE reports (id integer PRIMARY KEY, team text NOT NULL);

ALTER TABLE reports ENABLE ROW LEVEL SECURITY;

CREATE POLICY reports_team ON reports FOR SELECT USING (team = 'ops');
CREATE POLICY reports_admin ON reports FOR ALL TO migrate_mcp_test_role USING (true);
