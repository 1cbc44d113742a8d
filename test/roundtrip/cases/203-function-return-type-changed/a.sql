-- covers: functions (RETURNS TABLE); the result columns of a RETURNS TABLE function change and a scalar function changes return type
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text);

CREATE FUNCTION user_rows() RETURNS TABLE (id integer, name text) LANGUAGE sql STABLE AS $$ SELECT id, name FROM users $$;

CREATE FUNCTION user_count() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT count(*)::integer FROM users $$;
