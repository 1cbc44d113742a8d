-- covers: triggers (enabled state); triggers switch to ENABLE REPLICA and ENABLE ALWAYS
CREATE TABLE items (id integer PRIMARY KEY, name text);

CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE TRIGGER items_replica BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION noop();
CREATE TRIGGER items_always BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION noop();
CREATE TRIGGER items_origin BEFORE DELETE ON items FOR EACH ROW EXECUTE FUNCTION noop();

ALTER TABLE items ENABLE ALWAYS TRIGGER items_origin;
