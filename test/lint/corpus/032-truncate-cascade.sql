-- expect: MM306
SET lock_timeout = '5s';
SET statement_timeout = '15min';
TRUNCATE users CASCADE;
