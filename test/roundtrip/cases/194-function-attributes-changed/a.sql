-- covers: functions; volatility, strictness, security, parallel safety, cost and a SET option change
CREATE TABLE audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, what text);

CREATE FUNCTION clean_text(t text) RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT lower(trim(t)) $$;

CREATE FUNCTION record_event(what text) RETURNS void LANGUAGE sql SECURITY DEFINER
AS $$ INSERT INTO public.audit (what) VALUES (what) $$;

CREATE FUNCTION slow_hash(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT COST 100 AS $$ SELECT md5(t) $$;
