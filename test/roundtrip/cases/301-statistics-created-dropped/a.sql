-- covers: statistics objects; one dropped, others created (expressions, another schema, a materialized view)
CREATE TABLE public.orders (id int PRIMARY KEY, city text, zip text, customer text);
CREATE STATISTICS public.orders_city_zip (ndistinct, dependencies) ON city, zip FROM public.orders;
CREATE SCHEMA stats;
