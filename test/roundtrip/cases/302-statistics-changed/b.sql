CREATE TABLE public.events (id int PRIMARY KEY, kind text, source text, region text);
CREATE STATISTICS public.events_kind_source (ndistinct, mcv) ON kind, source, region FROM public.events;
ALTER STATISTICS public.events_kind_source SET STATISTICS 500;
CREATE STATISTICS public.events_region (dependencies) ON region, kind FROM public.events;
CREATE STATISTICS public.events_all ON kind, source, region FROM public.events;
COMMENT ON STATISTICS public.events_all IS 'kind, source and region';
