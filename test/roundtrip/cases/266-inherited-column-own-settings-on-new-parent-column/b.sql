CREATE TABLE stores (id integer NOT NULL, name text, region text, opened date) PARTITION BY LIST (id);
CREATE TABLE stores_1 PARTITION OF stores FOR VALUES IN (1);
CREATE TABLE stores_2 PARTITION OF stores FOR VALUES IN (2);
COMMENT ON TABLE stores IS 'shops';
ALTER TABLE ONLY stores_2 ALTER COLUMN region SET DEFAULT 'south';
COMMENT ON COLUMN stores_2.name IS 'shop name';
ALTER TABLE ONLY stores_1 ALTER COLUMN region SET DEFAULT 'north';
ALTER TABLE stores_1 ALTER COLUMN opened SET NOT NULL;

CREATE TABLE base_log (id bigint NOT NULL, message text);
CREATE TABLE app_log () INHERITS (base_log);
ALTER TABLE ONLY app_log ALTER COLUMN message SET DEFAULT 'none';
COMMENT ON COLUMN app_log.message IS 'what the app said';
