-- covers: triggers (enabled state); an enabled trigger is disabled and a disabled one is enabled
CREATE TABLE orders (id integer PRIMARY KEY, total numeric);

CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE TRIGGER orders_a BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION noop();
CREATE TRIGGER orders_b BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION noop();

ALTER TABLE orders DISABLE TRIGGER orders_b;
