-- expect: MM602
SET lock_timeout = '5s';
SET statement_timeout = '15min';
VACUUM (FULL, ANALYZE) users;
