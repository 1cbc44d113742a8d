CREATE TABLE notes (id integer PRIMARY KEY, owner name NOT NULL DEFAULT current_user, body text);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY notes_owner ON notes USING (owner = current_user);
