-- covers: triggers (constraint triggers, DEFERRABLE); a constraint trigger changes from INITIALLY IMMEDIATE to DEFERRED and gains DELETE
CREATE TABLE slots (id integer PRIMARY KEY, capacity integer NOT NULL, used integer NOT NULL);

CREATE FUNCTION check_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM slots WHERE used > capacity) THEN
    RAISE EXCEPTION 'over capacity';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER slots_capacity AFTER INSERT OR UPDATE ON slots
DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION check_capacity();
