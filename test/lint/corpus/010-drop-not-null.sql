-- expect: MM107
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
