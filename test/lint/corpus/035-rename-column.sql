-- expect: MM401
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users RENAME COLUMN email TO email_address;
