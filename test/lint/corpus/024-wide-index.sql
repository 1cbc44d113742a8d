-- expect: MM212
SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE INDEX CONCURRENTLY orders_lookup_idx ON orders (user_id, status, created_at, region);
