-- expect: none
SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE POLICY documents_owner ON documents USING (owner_id = current_setting('app.user_id')::bigint);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
