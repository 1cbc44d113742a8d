-- covers: triggers (BEFORE, row), functions; a trigger function and a BEFORE INSERT OR UPDATE row trigger are created
CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL, updated_at timestamptz);
