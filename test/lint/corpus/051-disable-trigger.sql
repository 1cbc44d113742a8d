-- expect: MM607
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE orders DISABLE TRIGGER ALL;
