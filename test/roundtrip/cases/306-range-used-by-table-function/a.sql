-- covers: range types; a new range is used by columns (also its multirange), an exclusion constraint and a function
CREATE TABLE public.rooms (id int PRIMARY KEY);
