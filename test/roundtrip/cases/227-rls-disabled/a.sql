-- covers: row level security, policies; RLS is disabled and the policy dropped
CREATE TABLE notes (id integer PRIMARY KEY, owner name NOT NULL);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;

CREATE POLICY notes_owner ON notes USING (owner = current_user);
