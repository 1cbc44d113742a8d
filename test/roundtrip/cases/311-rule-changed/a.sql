-- covers: rules; a definition changes (CREATE OR REPLACE), one is disabled, another set to always, comments
CREATE TABLE public.items (id int PRIMARY KEY, archived boolean NOT NULL DEFAULT false);
CREATE RULE items_soft_delete AS ON DELETE TO public.items DO INSTEAD UPDATE public.items SET archived = true WHERE id = OLD.id;
CREATE RULE items_no_insert_archived AS ON INSERT TO public.items WHERE NEW.archived DO INSTEAD NOTHING;
CREATE RULE items_no_update AS ON UPDATE TO public.items WHERE OLD.archived DO INSTEAD NOTHING;
COMMENT ON RULE items_no_update ON public.items IS 'archived items are frozen';
