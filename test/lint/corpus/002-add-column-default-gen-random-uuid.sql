-- expect: MM102
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
