CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text);

CREATE FUNCTION user_rows() RETURNS TABLE (id integer, name text, email text) LANGUAGE sql STABLE
AS $$ SELECT id, name, email FROM users $$;

CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM users $$;
