-- covers: event triggers, functions; an event trigger's tags change (it is dropped and created), another is disabled, a third is dropped before the plan's other DDL
CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tag text NOT NULL);

CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.audit_log (tag) VALUES (tg_tag);
END
$$;

CREATE EVENT TRIGGER log_table_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION log_ddl();

CREATE EVENT TRIGGER log_drops ON sql_drop EXECUTE FUNCTION log_ddl();

CREATE EVENT TRIGGER log_index_ddl ON ddl_command_end WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION log_ddl();

CREATE TABLE things (id int PRIMARY KEY);
