-- covers: range types; the subtype of a stored range changes (rebuilt with its column), comment and grants change
CREATE TYPE public.amount_span AS RANGE (subtype = int4);
CREATE TABLE public.quotes (id int PRIMARY KEY, band public.amount_span);
CREATE TYPE public.day_span AS RANGE (subtype = date);
COMMENT ON TYPE public.day_span IS 'days';
