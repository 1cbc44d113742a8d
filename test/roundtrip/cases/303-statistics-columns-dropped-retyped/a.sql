-- covers: statistics objects; a column they use is dropped (PostgreSQL drops them with it) or retyped (kept)
CREATE TABLE public.readings (id int PRIMARY KEY, sensor text, site text, legacy_code text, level int);
CREATE STATISTICS public.readings_site (ndistinct) ON sensor, site, legacy_code FROM public.readings;
CREATE STATISTICS public.readings_level (dependencies) ON sensor, level FROM public.readings;
CREATE STATISTICS public.readings_legacy ON sensor, legacy_code FROM public.readings;
