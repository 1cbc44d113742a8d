-- covers: functions (overloads); one overload of a function is changed, one added and one dropped, others untouched
CREATE FUNCTION area(r numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT pi()::numeric * r * r $$;

CREATE FUNCTION area(w numeric, h numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT w * h $$;

CREATE FUNCTION area(b box) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$ SELECT area(b) $$;
