-- expect: MM106, MM503
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ALTER COLUMN name TYPE varchar(100);
