-- expect: MM203
SET lock_timeout = '5s';
SET statement_timeout = '15min';
REINDEX TABLE users;
