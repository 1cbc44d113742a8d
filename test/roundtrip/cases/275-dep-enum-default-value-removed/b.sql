CREATE TYPE stage AS ENUM ('todo', 'doing', 'done');

CREATE TABLE cards (id integer PRIMARY KEY, stage stage NOT NULL DEFAULT 'todo');

CREATE FUNCTION is_done(s stage) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s = 'done' $$;
