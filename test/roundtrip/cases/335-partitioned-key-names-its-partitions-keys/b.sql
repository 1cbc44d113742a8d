CREATE TABLE orders (id bigint NOT NULL, region text NOT NULL, total numeric) PARTITION BY LIST (region);

CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu');

CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');

ALTER TABLE orders_us ADD CONSTRAINT orders_us_legacy_pk PRIMARY KEY (region, id);

ALTER TABLE ONLY orders ADD CONSTRAINT orders_pkey PRIMARY KEY (region, id);

ALTER TABLE ONLY orders_eu ADD CONSTRAINT orders_eu_key PRIMARY KEY (region, id);

ALTER INDEX orders_pkey ATTACH PARTITION orders_eu_key;

ALTER INDEX orders_pkey ATTACH PARTITION orders_us_legacy_pk;

CREATE TABLE refunds (id bigint PRIMARY KEY, order_region text NOT NULL, order_id bigint NOT NULL,
  FOREIGN KEY (order_region, order_id) REFERENCES orders);
