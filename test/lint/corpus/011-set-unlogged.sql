-- expect: MM108
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE audit_log SET UNLOGGED;
