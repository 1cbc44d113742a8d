CREATE TABLE files (id integer PRIMARY KEY, owner_id bigint NOT NULL, name text);

ALTER TABLE files ENABLE ROW LEVEL SECURITY;

CREATE POLICY files_owner ON files USING (owner_id = 42);
