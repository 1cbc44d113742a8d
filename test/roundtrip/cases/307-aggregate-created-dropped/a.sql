-- covers: aggregates; one dropped, others created (SQL state functions, ordered-set, sort operator, combine)
CREATE AGGREGATE public.old_total(int) (sfunc = int4pl, stype = int, initcond = '0');
CREATE AGGREGATE public.kept_total(bigint) (sfunc = int8pl, stype = bigint);
