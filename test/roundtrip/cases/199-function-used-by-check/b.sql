CREATE FUNCTION is_slug(s text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(s) <= 80 $$;

CREATE TABLE pages (id integer PRIMARY KEY, slug text NOT NULL CONSTRAINT pages_slug_check CHECK (is_slug(slug)));
