CREATE TYPE public.kept_span AS RANGE (subtype = date);
CREATE FUNCTION public.time_diff(a time, b time) RETURNS float8 LANGUAGE sql IMMUTABLE
  AS 'SELECT extract(epoch FROM (a - b))::float8';
CREATE TYPE public.shift AS RANGE (subtype = time, subtype_diff = public.time_diff);
CREATE TYPE public.label_span AS RANGE (subtype = text, collation = "C", multirange_type_name = public.label_spans);
CREATE TYPE public.rev_span AS RANGE (subtype = int4, subtype_opclass = int4_ops);
COMMENT ON TYPE public.shift IS 'a working shift';
