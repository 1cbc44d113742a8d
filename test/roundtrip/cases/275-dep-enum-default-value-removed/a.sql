-- covers: dependencies, enums, defaults, functions; the enum value used by a default is removed and the default moves to another value
CREATE TYPE stage AS ENUM ('draft', 'todo', 'doing', 'done');

CREATE TABLE cards (id integer PRIMARY KEY, stage stage NOT NULL DEFAULT 'draft');

CREATE FUNCTION is_done(s stage) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s = 'done' $$;
