-- expect: MM302, MM309
SET lock_timeout = '5s';
SET statement_timeout = '15min';
DROP TABLE settings;
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
