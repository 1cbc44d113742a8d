-- expect: MM103
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
