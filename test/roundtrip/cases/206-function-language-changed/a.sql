-- covers: functions (plpgsql to SQL); a function changes language from plpgsql to SQL and another is made STRICT
CREATE FUNCTION fullname(first text, last text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN first || ' ' || last;
END
$$;

CREATE FUNCTION initials(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(left(name, 1)) $$;
