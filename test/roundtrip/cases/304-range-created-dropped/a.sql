-- covers: range types; one dropped, others created (subtype_diff, collation, opclass, multirange name)
CREATE TYPE public.old_span AS RANGE (subtype = numeric);
CREATE TYPE public.kept_span AS RANGE (subtype = date);
