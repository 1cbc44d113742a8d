CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);

CREATE SCHEMA billing;

CREATE TYPE billing.currency AS ENUM ('EUR', 'USD');

CREATE TABLE billing.invoices (
  id integer PRIMARY KEY,
  user_id integer NOT NULL REFERENCES public.users (id),
  amount numeric(12, 2) NOT NULL,
  currency billing.currency NOT NULL DEFAULT 'EUR'
);

CREATE FUNCTION billing.total(p_user integer) RETURNS numeric LANGUAGE sql STABLE
AS $$ SELECT coalesce(sum(amount), 0) FROM billing.invoices WHERE user_id = p_user $$;
