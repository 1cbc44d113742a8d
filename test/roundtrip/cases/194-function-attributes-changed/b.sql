CREATE TABLE audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, what text);

CREATE FUNCTION clean_text(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT lower(trim(t)) $$;

CREATE FUNCTION record_event(what text) RETURNS void LANGUAGE sql SECURITY INVOKER SET search_path = public, pg_temp
AS $$ INSERT INTO public.audit (what) VALUES (what) $$;

CREATE FUNCTION slow_hash(t text) RETURNS text LANGUAGE sql IMMUTABLE CALLED ON NULL INPUT COST 1000 AS $$ SELECT md5(t) $$;
