CREATE TABLE public.items (id int PRIMARY KEY, archived boolean NOT NULL DEFAULT false);
CREATE RULE items_soft_delete AS ON DELETE TO public.items WHERE NOT OLD.archived DO INSTEAD UPDATE public.items SET archived = true WHERE id = OLD.id;
CREATE RULE items_no_insert_archived AS ON INSERT TO public.items WHERE NEW.archived DO INSTEAD NOTHING;
ALTER TABLE public.items DISABLE RULE items_no_insert_archived;
CREATE RULE items_no_update AS ON UPDATE TO public.items WHERE OLD.archived DO INSTEAD NOTHING;
ALTER TABLE public.items ENABLE ALWAYS RULE items_no_update;
