CREATE SEQUENCE tickets_id_seq AS integer;
CREATE TABLE keep (id integer);
