CREATE TABLE prices (id integer PRIMARY KEY, amount numeric NOT NULL, currency text NOT NULL, note text);

CREATE TABLE price_history (price_id integer NOT NULL, old_amount numeric, new_amount numeric);

CREATE FUNCTION remember_price() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO price_history VALUES (OLD.id, OLD.amount, NEW.amount);
  RETURN NEW;
END
$$;

CREATE TRIGGER prices_history AFTER UPDATE OF amount, currency ON prices FOR EACH ROW
WHEN (OLD.amount IS DISTINCT FROM NEW.amount OR OLD.currency IS DISTINCT FROM NEW.currency)
EXECUTE FUNCTION remember_price();
