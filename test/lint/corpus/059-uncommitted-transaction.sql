-- expect: MM005
SET lock_timeout = '5s';
SET statement_timeout = '15min';
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
