-- expect: MM214
SET lock_timeout = '5s';
SET statement_timeout = '15min';
REFRESH MATERIALIZED VIEW daily_sales;
