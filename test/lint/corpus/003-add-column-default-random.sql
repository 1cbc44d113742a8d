-- expect: MM102
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ADD COLUMN bucket integer DEFAULT (random() * 100)::integer;
