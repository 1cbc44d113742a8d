CREATE TABLE notes (id integer PRIMARY KEY, owner name NOT NULL, body text);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY notes_owner ON notes USING (owner = current_user);
COMMENT ON POLICY notes_owner ON notes IS 'owners see their own notes only';

CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE TRIGGER notes_noop BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION noop();
COMMENT ON TRIGGER notes_noop ON notes IS 'placeholder for validation';
