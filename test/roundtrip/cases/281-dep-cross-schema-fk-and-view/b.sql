CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);

CREATE SCHEMA crm;

CREATE TABLE crm.contacts (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES public.customers (id), email text);

CREATE VIEW public.customer_contacts AS
SELECT c.name, k.email FROM public.customers c JOIN crm.contacts k ON k.customer_id = c.id;
