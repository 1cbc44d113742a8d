-- covers: functions (default arguments, VARIADIC); default argument values are added and changed
CREATE FUNCTION page(items_per_page integer, page_no integer DEFAULT 1) RETURNS integer LANGUAGE sql IMMUTABLE
AS $$ SELECT (page_no - 1) * items_per_page $$;
