-- covers: triggers (constraint triggers, DEFERRABLE); a deferrable constraint trigger is created
CREATE TABLE transfers (id integer PRIMARY KEY, debit numeric NOT NULL, credit numeric NOT NULL);

CREATE FUNCTION check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT sum(debit) - sum(credit) FROM transfers) <> 0 THEN
    RAISE EXCEPTION 'transfers do not balance';
  END IF;
  RETURN NULL;
END
$$;
