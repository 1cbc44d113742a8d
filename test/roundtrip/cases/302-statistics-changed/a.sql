-- covers: statistics objects; kinds and columns change (rebuilt), a target is set and another reset, comments
CREATE TABLE public.events (id int PRIMARY KEY, kind text, source text, region text);
CREATE STATISTICS public.events_kind_source (ndistinct) ON kind, source FROM public.events;
CREATE STATISTICS public.events_region (dependencies) ON region, kind FROM public.events;
ALTER STATISTICS public.events_region SET STATISTICS 300;
CREATE STATISTICS public.events_all ON kind, source, region FROM public.events;
COMMENT ON STATISTICS public.events_all IS 'all three';
