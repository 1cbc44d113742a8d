-- covers: sequences; MINVALUE, MAXVALUE and START change, and CYCLE is switched on
CREATE SEQUENCE batch_ids MINVALUE 1 MAXVALUE 1000 START WITH 1 NO CYCLE;
