-- covers: triggers, partitioned tables; partitions set their clones of the parent's triggers apart (disabled, always, replica), change them back, and the parent's own state changes under them
CREATE TABLE orders (id integer NOT NULL, total numeric) PARTITION BY RANGE (id);
CREATE TABLE orders_1 PARTITION OF orders FOR VALUES FROM (0) TO (1000);
CREATE TABLE orders_2 PARTITION OF orders FOR VALUES FROM (1000) TO (2000);
CREATE TABLE orders_3 PARTITION OF orders FOR VALUES FROM (2000) TO (3000);

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE TRIGGER audit BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER sync AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER notify AFTER DELETE ON orders FOR EACH ROW EXECUTE FUNCTION touch();

ALTER TABLE orders_1 DISABLE TRIGGER audit;
ALTER TABLE orders_3 ENABLE ALWAYS TRIGGER sync;
