-- expect: none
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';
ALTER TABLE users ADD COLUMN joined_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'trial';
