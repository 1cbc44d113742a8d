CREATE TABLE documents (id integer PRIMARY KEY, owner name NOT NULL, tenant integer NOT NULL, archived boolean NOT NULL DEFAULT false);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY documents_owner ON documents AS PERMISSIVE USING (owner = current_user);
CREATE POLICY documents_tenant ON documents AS RESTRICTIVE USING (tenant = 1);
CREATE POLICY documents_live ON documents AS RESTRICTIVE FOR SELECT USING (NOT archived);
