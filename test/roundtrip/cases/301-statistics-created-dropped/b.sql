CREATE TABLE public.orders (id int PRIMARY KEY, city text, zip text, customer text);
CREATE SCHEMA stats;
CREATE STATISTICS stats.orders_customer_mcv (mcv) ON customer, city FROM public.orders;
CREATE STATISTICS public.orders_lower_city ON (lower(city)), zip FROM public.orders;
CREATE MATERIALIZED VIEW public.city_totals AS SELECT city, zip, count(*) AS n FROM public.orders GROUP BY city, zip;
CREATE STATISTICS public.city_totals_stats ON city, zip FROM public.city_totals;
