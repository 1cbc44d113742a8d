-- covers: comments (TRIGGER, POLICY); comments on a trigger and a policy are added and changed
CREATE TABLE notes (id integer PRIMARY KEY, owner name NOT NULL, body text);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY notes_owner ON notes USING (owner = current_user);
COMMENT ON POLICY notes_owner ON notes IS 'owners only';

CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE TRIGGER notes_noop BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION noop();
