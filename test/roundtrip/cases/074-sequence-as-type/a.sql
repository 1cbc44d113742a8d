-- covers: sequences; data types change (smallint to integer, integer to bigint, bigint to smallint)
CREATE SEQUENCE small_seq AS smallint;

CREATE SEQUENCE int_seq AS integer;

CREATE SEQUENCE big_seq AS bigint MAXVALUE 30000;
