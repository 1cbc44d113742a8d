-- covers: row level security; RLS is enabled on a table with a policy added
CREATE TABLE notes (id integer PRIMARY KEY, owner name NOT NULL DEFAULT current_user, body text);
