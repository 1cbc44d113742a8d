CREATE TABLE public.messages (id int PRIMARY KEY, body text);
CREATE VIEW public.inbox AS SELECT id, body FROM public.messages;
CREATE RULE inbox_insert AS ON INSERT TO public.inbox DO INSTEAD INSERT INTO public.messages VALUES (NEW.id, NEW.body);
