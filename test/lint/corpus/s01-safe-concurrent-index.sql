-- expect: none
SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
