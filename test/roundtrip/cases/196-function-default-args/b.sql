CREATE FUNCTION page(items_per_page integer DEFAULT 20, page_no integer DEFAULT 0) RETURNS integer LANGUAGE sql IMMUTABLE
AS $$ SELECT (page_no - 1) * items_per_page $$;

CREATE FUNCTION join_words(sep text DEFAULT ' ', VARIADIC words text[] DEFAULT ARRAY[]::text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT array_to_string(words, sep) $$;
