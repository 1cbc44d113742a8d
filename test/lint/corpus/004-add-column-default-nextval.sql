-- expect: MM102
SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE SEQUENCE users_rank_seq;
ALTER TABLE users ADD COLUMN rank bigint DEFAULT nextval('users_rank_seq');
