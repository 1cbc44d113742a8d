CREATE TYPE permission AS ENUM ('read', 'write', 'admin');

CREATE TABLE grants (id integer PRIMARY KEY, permissions permission[] NOT NULL DEFAULT '{read}');

CREATE FUNCTION can(p permission[], wanted permission) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT wanted = ANY (p) $$;
