CREATE FUNCTION area(r numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT round(pi()::numeric * r * r, 4) $$;

CREATE FUNCTION area(w numeric, h numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT w * h $$;

CREATE FUNCTION area(a numeric, b numeric, c numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
AS $$ SELECT sqrt(((a + b + c) / 2) * ((a + b + c) / 2 - a) * ((a + b + c) / 2 - b) * ((a + b + c) / 2 - c)) $$;
