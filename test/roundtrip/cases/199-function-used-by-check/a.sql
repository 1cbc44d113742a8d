-- covers: functions, constraints (check); a function used by a CHECK constraint changes body
CREATE FUNCTION is_slug(s text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s ~ '^[a-z0-9-]+$' $$;

CREATE TABLE pages (id integer PRIMARY KEY, slug text NOT NULL CONSTRAINT pages_slug_check CHECK (is_slug(slug)));
