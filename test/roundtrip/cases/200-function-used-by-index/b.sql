CREATE FUNCTION normalize_email(e text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(e)) $$;

CREATE TABLE members (id integer PRIMARY KEY, email text NOT NULL);

CREATE UNIQUE INDEX members_email_key ON members (normalize_email(email));
