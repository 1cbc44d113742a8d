CREATE TABLE orders (id bigint NOT NULL, channel text NOT NULL) PARTITION BY LIST (channel);

CREATE TABLE orders_web PARTITION OF orders FOR VALUES IN ('web');
CREATE TABLE orders_other PARTITION OF orders DEFAULT;
