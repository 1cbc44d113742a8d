-- expect: MM302
SET lock_timeout = '5s';
SET statement_timeout = '15min';
DROP TABLE IF EXISTS old_sessions;
