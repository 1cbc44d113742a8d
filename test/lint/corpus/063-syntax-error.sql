-- expect: MM000
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ADD COLUM nickname text;
