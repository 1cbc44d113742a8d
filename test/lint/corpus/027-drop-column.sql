-- expect: MM301
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users DROP COLUMN legacy_flags;
