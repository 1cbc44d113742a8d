-- covers: triggers, functions; a trigger and its function are dropped
CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);

CREATE FUNCTION reject_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.body = '' THEN
    RAISE EXCEPTION 'empty note';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER notes_reject_empty BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION reject_empty();
