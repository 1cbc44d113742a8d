-- expect: MM205
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0);
