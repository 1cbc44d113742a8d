-- expect: MM211
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER DOMAIN us_postal_code ADD CONSTRAINT postal_code_not_blank CHECK (VALUE <> '');
