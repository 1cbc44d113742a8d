-- covers: event triggers, views, tables; an event trigger that refuses DROP TABLE and DROP VIEW is disabled in the target, which rebuilds a view and drops a table: the plan disables it before either, and the rollback enables it again only after both are back
CREATE FUNCTION refuse_drops() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is not allowed here', tg_tag;
END
$$;

CREATE EVENT TRIGGER no_drops ON ddl_command_start WHEN TAG IN ('DROP TABLE', 'DROP VIEW') EXECUTE FUNCTION refuse_drops();

CREATE TABLE keep_me (id int PRIMARY KEY, note text);

CREATE TABLE old_stuff (id int PRIMARY KEY);

CREATE VIEW keep_me_notes AS SELECT id, note FROM keep_me;
