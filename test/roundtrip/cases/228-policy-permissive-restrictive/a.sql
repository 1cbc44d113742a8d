-- covers: policies (PERMISSIVE, RESTRICTIVE); a permissive policy becomes restrictive and a restrictive one is added
CREATE TABLE documents (id integer PRIMARY KEY, owner name NOT NULL, tenant integer NOT NULL, archived boolean NOT NULL DEFAULT false);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY documents_owner ON documents AS PERMISSIVE USING (owner = current_user);
CREATE POLICY documents_tenant ON documents AS PERMISSIVE USING (tenant = 1);
