-- expect: MM603
SET lock_timeout = '5s';
SET statement_timeout = '15min';
CLUSTER orders USING orders_created_at_idx;
