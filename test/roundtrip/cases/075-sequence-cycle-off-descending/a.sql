-- covers: sequences; a cycling ascending sequence becomes a non-cycling descending one
CREATE SEQUENCE slots INCREMENT BY 1 MINVALUE 1 MAXVALUE 60 CYCLE;
