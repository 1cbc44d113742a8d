CREATE FUNCTION discount(price numeric, rate numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT price * (1 - rate) $$;
