-- expect: MM205
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD COLUMN discount numeric CHECK (discount >= 0);
