-- covers: sequences; INCREMENT and CACHE change on a sequence used by a column default
CREATE SEQUENCE order_numbers INCREMENT BY 1 CACHE 1;

CREATE TABLE orders (id integer PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('order_numbers'));
