-- covers: sequences; a standalone sequence and a descending one are dropped
CREATE SEQUENCE invoice_numbers START WITH 10000;

CREATE SEQUENCE countdown INCREMENT BY -1 MINVALUE 0 MAXVALUE 10 START WITH 10;

CREATE TABLE t (id integer PRIMARY KEY);
