CREATE SEQUENCE small_seq AS integer;

CREATE SEQUENCE int_seq AS bigint;

CREATE SEQUENCE big_seq AS smallint MAXVALUE 30000;
