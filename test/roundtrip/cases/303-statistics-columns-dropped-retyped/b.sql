CREATE TABLE public.readings (id int PRIMARY KEY, sensor text, site text, level bigint);
CREATE STATISTICS public.readings_site (ndistinct) ON sensor, site FROM public.readings;
CREATE STATISTICS public.readings_level (dependencies) ON sensor, level FROM public.readings;
