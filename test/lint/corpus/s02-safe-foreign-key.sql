-- expect: none
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
-- Each statement commits on its own (psql -f), so VALIDATE runs in a transaction of its own.
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
