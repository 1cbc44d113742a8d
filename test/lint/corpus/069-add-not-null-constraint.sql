-- expect: MM105
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email;
