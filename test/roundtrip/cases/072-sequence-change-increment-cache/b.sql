CREATE SEQUENCE order_numbers INCREMENT BY 10 CACHE 50;

CREATE TABLE orders (id integer PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('order_numbers'));
