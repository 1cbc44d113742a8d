-- covers: functions, indexes (expression); an immutable function used by an index expression changes (the index is rebuilt)
CREATE FUNCTION normalize_email(e text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(e) $$;

CREATE TABLE members (id integer PRIMARY KEY, email text NOT NULL);

CREATE UNIQUE INDEX members_email_key ON members (normalize_email(email));
