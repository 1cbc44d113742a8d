CREATE FUNCTION next_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT 'CPN-' || lpad(floor(random() * 100000)::int::text, 5, '0') $$;

CREATE TABLE coupons (id integer PRIMARY KEY, code text NOT NULL DEFAULT next_code());
