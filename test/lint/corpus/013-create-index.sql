-- expect: MM201
SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE INDEX users_email_idx ON users (email);
