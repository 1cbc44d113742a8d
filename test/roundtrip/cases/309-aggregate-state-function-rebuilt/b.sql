CREATE FUNCTION public.add_len(state bigint, v text) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS 'SELECT state + length(v)';
CREATE FUNCTION public.sub_len(state bigint, v text) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS 'SELECT state - length(v)';
CREATE AGGREGATE public.total_length(text) (sfunc = public.add_len, stype = bigint, initcond = '0',
  msfunc = public.add_len, minvfunc = public.sub_len, mstype = bigint, minitcond = '0');
