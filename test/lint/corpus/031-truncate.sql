-- expect: MM305
SET lock_timeout = '5s';
SET statement_timeout = '15min';
TRUNCATE sessions;
