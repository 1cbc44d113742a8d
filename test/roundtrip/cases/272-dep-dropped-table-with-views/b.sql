CREATE FUNCTION legacy_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE TABLE orders (id integer PRIMARY KEY);
