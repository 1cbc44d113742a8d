CREATE TABLE tasks (id integer PRIMARY KEY, assignee name, creator name NOT NULL, locked boolean NOT NULL DEFAULT false);

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;

CREATE POLICY tasks_mine ON tasks FOR UPDATE USING (assignee = current_user OR creator = current_user) WITH CHECK (NOT locked);
CREATE POLICY tasks_visible ON tasks FOR ALL USING (assignee = current_user OR creator = current_user);
