CREATE TABLE transfers (id integer PRIMARY KEY, debit numeric NOT NULL, credit numeric NOT NULL);

CREATE FUNCTION check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT sum(debit) - sum(credit) FROM transfers) <> 0 THEN
    RAISE EXCEPTION 'transfers do not balance';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER transfers_balanced AFTER INSERT OR UPDATE ON transfers
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_balanced();
