CREATE SEQUENCE numbers_seq;

CREATE TABLE old_numbers (n bigint);
CREATE TABLE new_numbers (n bigint DEFAULT nextval('numbers_seq'));

ALTER SEQUENCE numbers_seq OWNED BY new_numbers.n;
