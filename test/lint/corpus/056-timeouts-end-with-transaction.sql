-- expect: MM001, MM002
BEGIN;
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '15min';
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
-- SET LOCAL ended with the transaction: this one waits without limit.
ALTER TABLE users ADD COLUMN avatar_url text;
