-- expect: MM202
SET lock_timeout = '5s';
SET statement_timeout = '15min';
DROP INDEX users_email_idx;
