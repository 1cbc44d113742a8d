-- expect: MM606
ALTER TYPE order_status ADD VALUE 'refunded';
