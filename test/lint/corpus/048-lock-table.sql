-- expect: MM604
BEGIN;
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '15min';
LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;
UPDATE users SET plan = 'free' WHERE plan IS NULL;
COMMIT;
