CREATE TABLE public.accounts (id int PRIMARY KEY, balance numeric NOT NULL);
CREATE TABLE public.audit (account_id int, note text);
CREATE RULE accounts_log_update AS ON UPDATE TO public.accounts
  DO ALSO INSERT INTO public.audit VALUES (NEW.id, 'balance ' || OLD.balance || ' -> ' || NEW.balance);
CREATE RULE accounts_keep_positive AS ON UPDATE TO public.accounts WHERE NEW.balance < 0 DO INSTEAD NOTHING;
COMMENT ON RULE accounts_keep_positive ON public.accounts IS 'no overdrafts';
