-- expect: MM103, MM502
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE events ADD COLUMN seq bigserial;
