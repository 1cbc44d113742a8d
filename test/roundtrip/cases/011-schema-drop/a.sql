-- covers: schemas; a schema holding a table, a sequence, a view and a function is dropped
CREATE TABLE users (id integer PRIMARY KEY);

CREATE SCHEMA audit;

CREATE SEQUENCE audit.event_seq;

CREATE TABLE audit.events (
  id bigint PRIMARY KEY DEFAULT nextval('audit.event_seq'),
  user_id integer REFERENCES public.users (id),
  payload jsonb
);

CREATE VIEW audit.recent AS SELECT id, user_id FROM audit.events WHERE id > 100;

CREATE FUNCTION audit.log(p jsonb) RETURNS void LANGUAGE sql AS $$ INSERT INTO audit.events (payload) VALUES (p) $$;
