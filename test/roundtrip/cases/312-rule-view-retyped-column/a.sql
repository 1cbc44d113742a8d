-- covers: rules; a rule on a view writes to a table whose column it uses is retyped (the rule is rebuilt around it)
CREATE TABLE public.messages (id int PRIMARY KEY, body varchar(100));
CREATE VIEW public.inbox AS SELECT id, body FROM public.messages;
CREATE RULE inbox_insert AS ON INSERT TO public.inbox DO INSTEAD INSERT INTO public.messages VALUES (NEW.id, NEW.body);
