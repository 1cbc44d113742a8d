CREATE SCHEMA tenant_a;
CREATE SCHEMA tenant_b;

CREATE TABLE tenant_a.orders (id integer PRIMARY KEY, total numeric NOT NULL);
CREATE TABLE tenant_b.orders (id integer PRIMARY KEY, total numeric(12, 2) NOT NULL, note text);
CREATE TABLE public.orders (id integer PRIMARY KEY);
