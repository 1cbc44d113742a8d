-- covers: schemas, tables, columns; tables with the same name in two schemas, only one of them changes
CREATE SCHEMA tenant_a;
CREATE SCHEMA tenant_b;

CREATE TABLE tenant_a.orders (id integer PRIMARY KEY, total numeric NOT NULL);
CREATE TABLE tenant_b.orders (id integer PRIMARY KEY, total numeric NOT NULL);
CREATE TABLE public.orders (id integer PRIMARY KEY);
