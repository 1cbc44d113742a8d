CREATE TABLE products (id integer PRIMARY KEY, price numeric(10, 2) NOT NULL, changed boolean);

CREATE FUNCTION flag_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed := true; RETURN NEW; END $$;

CREATE TRIGGER products_price_changed BEFORE UPDATE OF price ON products FOR EACH ROW
WHEN (OLD.price IS DISTINCT FROM NEW.price) EXECUTE FUNCTION flag_change();
