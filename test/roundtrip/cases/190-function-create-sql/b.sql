CREATE TABLE prices (id integer PRIMARY KEY, amount numeric NOT NULL);

CREATE FUNCTION with_tax(amount numeric, rate numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN round(amount * (1 + rate), 2);

CREATE FUNCTION max_price() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT max(amount) FROM prices $$;
