-- covers: rules; one dropped, others created (DO INSTEAD NOTHING, DO ALSO with a log insert, a condition)
CREATE TABLE public.accounts (id int PRIMARY KEY, balance numeric NOT NULL);
CREATE TABLE public.audit (account_id int, note text);
CREATE RULE accounts_no_delete AS ON DELETE TO public.accounts DO INSTEAD NOTHING;
