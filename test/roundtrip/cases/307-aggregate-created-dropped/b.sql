CREATE AGGREGATE public.kept_total(bigint) (sfunc = int8pl, stype = bigint);
CREATE FUNCTION public.append_value(state numeric[], v numeric) RETURNS numeric[] LANGUAGE sql IMMUTABLE
  AS 'SELECT state || v';
CREATE FUNCTION public.first_value_of(state numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE
  AS 'SELECT state[1]';
CREATE AGGREGATE public.first_seen(numeric) (sfunc = public.append_value, stype = numeric[],
  finalfunc = public.first_value_of, initcond = '{}', parallel = safe);
CREATE AGGREGATE public.median_disc(float8 ORDER BY float8) (sfunc = ordered_set_transition, stype = internal,
  finalfunc = percentile_disc_final, finalfunc_extra);
CREATE AGGREGATE public.biggest(int) (sfunc = int4larger, stype = int, sortop = >, combinefunc = int4larger);
CREATE AGGREGATE public.row_count(*) (sfunc = int8inc, stype = bigint, initcond = '0');
COMMENT ON AGGREGATE public.first_seen(numeric) IS 'the first value in input order';
REVOKE EXECUTE ON FUNCTION public.biggest(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.biggest(int) TO migrate_mcp_test_role;
