-- covers: functions; a function gains an argument (a new signature: drop the old one, create the new one)
CREATE FUNCTION discount(price numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT price * 0.9 $$;
