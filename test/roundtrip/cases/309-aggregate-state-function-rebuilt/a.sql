-- covers: aggregates; a state function's result type changes (the aggregate is rebuilt over it), moving-aggregate options
CREATE FUNCTION public.add_len(state int, v text) RETURNS int LANGUAGE sql IMMUTABLE
  AS 'SELECT state + length(v)';
CREATE AGGREGATE public.total_length(text) (sfunc = public.add_len, stype = int, initcond = '0');
