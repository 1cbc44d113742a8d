-- expect: MM001
SET lock_timeout = 0;
SET statement_timeout = '15min';
ALTER TABLE users ADD COLUMN nickname text;
