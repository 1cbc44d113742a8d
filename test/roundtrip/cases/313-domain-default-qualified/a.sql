-- covers: domains; new domains default to an enum literal and a function call, named without a schema
CREATE TYPE public.channel AS ENUM ('email', 'sms');
CREATE FUNCTION public.new_ref() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
