CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tag text NOT NULL);

CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.audit_log (tag) VALUES (tg_tag);
END
$$;

CREATE EVENT TRIGGER log_table_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION log_ddl();

CREATE EVENT TRIGGER log_drops ON sql_drop EXECUTE FUNCTION log_ddl();

ALTER EVENT TRIGGER log_drops DISABLE;

CREATE TABLE things (id int PRIMARY KEY, label text);

CREATE INDEX things_label ON things (label);
