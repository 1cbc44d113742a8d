CREATE TABLE public.scores (player text, points int);
CREATE AGGREGATE public.tally(int) (sfunc = int4pl, stype = int, initcond = '100');
CREATE VIEW public.totals AS SELECT player, public.tally(points) AS total FROM public.scores GROUP BY player;
CREATE AGGREGATE public.best(int) (sfunc = int4smaller, stype = int);
COMMENT ON AGGREGATE public.best(int) IS 'lowest, despite the name';
