-- expect: MM213
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE measurements DETACH PARTITION measurements_2020;
