-- covers: triggers (UPDATE OF, WHEN); a trigger gains UPDATE OF columns and a WHEN condition
CREATE TABLE prices (id integer PRIMARY KEY, amount numeric NOT NULL, currency text NOT NULL, note text);

CREATE TABLE price_history (price_id integer NOT NULL, old_amount numeric, new_amount numeric);

CREATE FUNCTION remember_price() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO price_history VALUES (OLD.id, OLD.amount, NEW.amount);
  RETURN NEW;
END
$$;

CREATE TRIGGER prices_history AFTER UPDATE ON prices FOR EACH ROW EXECUTE FUNCTION remember_price();
