CREATE TABLE posts (id integer PRIMARY KEY, author name NOT NULL, published boolean NOT NULL DEFAULT false);

ALTER TABLE posts ENABLE ROW LEVEL SECURITY;

CREATE POLICY posts_read ON posts FOR SELECT USING (published OR author = current_user);
CREATE POLICY posts_write ON posts FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY posts_edit ON posts FOR UPDATE USING (author = current_user) WITH CHECK (author = current_user);
CREATE POLICY posts_remove ON posts FOR DELETE USING (author = current_user AND NOT published);
CREATE POLICY posts_admin ON posts FOR ALL TO migrate_mcp_test_role2 USING (true) WITH CHECK (true);
