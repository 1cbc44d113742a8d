-- covers: dependencies, policies, columns; a column used by a policy changes type (the policy is dropped and recreated)
CREATE TABLE files (id integer PRIMARY KEY, owner_id integer NOT NULL, name text);

ALTER TABLE files ENABLE ROW LEVEL SECURITY;

CREATE POLICY files_owner ON files USING (owner_id = 42);
