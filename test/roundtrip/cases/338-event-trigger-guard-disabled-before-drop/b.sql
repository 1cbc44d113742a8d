CREATE FUNCTION refuse_drops() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is not allowed here', tg_tag;
END
$$;

CREATE EVENT TRIGGER no_drops ON ddl_command_start WHEN TAG IN ('DROP TABLE', 'DROP VIEW') EXECUTE FUNCTION refuse_drops();

ALTER EVENT TRIGGER no_drops DISABLE;

CREATE TABLE keep_me (id int PRIMARY KEY, note text);

CREATE VIEW keep_me_notes AS SELECT id FROM keep_me;
