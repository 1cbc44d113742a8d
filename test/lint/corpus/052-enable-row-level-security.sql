-- expect: MM608
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
