CREATE TYPE public.channel AS ENUM ('email', 'sms');
CREATE FUNCTION public.new_ref() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
SET search_path = public;
CREATE DOMAIN public.notify_channel AS channel DEFAULT 'email';
CREATE DOMAIN public.ref AS text DEFAULT new_ref();
