-- covers: policies (USING, WITH CHECK); a policy's USING and WITH CHECK expressions change and its command changes
CREATE TABLE tasks (id integer PRIMARY KEY, assignee name, creator name NOT NULL, locked boolean NOT NULL DEFAULT false);

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;

CREATE POLICY tasks_mine ON tasks FOR UPDATE USING (assignee = current_user);
CREATE POLICY tasks_visible ON tasks FOR SELECT USING (true);
