-- covers: constraints, partitioned tables; a partitioned table gains a primary key, which adopts one partition's own key and gives the other partition a key under the target's name, before a foreign key refers to it
CREATE TABLE orders (id bigint NOT NULL, region text NOT NULL, total numeric) PARTITION BY LIST (region);

CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu');

CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');

ALTER TABLE orders_us ADD CONSTRAINT orders_us_legacy_pk PRIMARY KEY (region, id);
