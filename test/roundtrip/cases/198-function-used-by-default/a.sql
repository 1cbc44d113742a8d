-- covers: functions, columns, defaults; a function used by a column default changes body
CREATE FUNCTION next_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT 'C-' || floor(random() * 1000)::int $$;

CREATE TABLE coupons (id integer PRIMARY KEY, code text NOT NULL DEFAULT next_code());
