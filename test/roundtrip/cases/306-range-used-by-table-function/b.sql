CREATE TABLE public.rooms (id int PRIMARY KEY);
CREATE TYPE public.stay AS RANGE (subtype = timestamp);
CREATE TABLE public.bookings (
  room_id int NOT NULL REFERENCES public.rooms,
  during public.stay NOT NULL,
  history public.stay_multirange,
  EXCLUDE USING gist (during WITH &&)
);
CREATE FUNCTION public.nights(s public.stay) RETURNS int LANGUAGE sql IMMUTABLE
  AS 'SELECT (upper(s)::date - lower(s)::date)';
CREATE VIEW public.long_stays AS SELECT room_id, public.nights(during) AS nights FROM public.bookings;
