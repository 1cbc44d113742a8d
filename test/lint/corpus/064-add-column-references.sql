-- expect: MM204
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);
