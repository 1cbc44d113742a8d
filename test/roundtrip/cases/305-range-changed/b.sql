CREATE TYPE public.amount_span AS RANGE (subtype = numeric);
CREATE TABLE public.quotes (id int PRIMARY KEY, band public.amount_span);
CREATE TYPE public.day_span AS RANGE (subtype = date);
COMMENT ON TYPE public.day_span IS 'calendar days';
REVOKE USAGE ON TYPE public.day_span FROM PUBLIC;
GRANT USAGE ON TYPE public.day_span TO migrate_mcp_test_role;
