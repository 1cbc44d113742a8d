-- covers: functions, views, indexes, dependencies; a function gains a parameter with a default while a view and an expression index call it the same way (they are rebuilt once the old signature is gone, or the call would be ambiguous)
CREATE FUNCTION norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
CREATE TABLE users (id integer PRIMARY KEY, email text);
CREATE UNIQUE INDEX users_email_norm ON users (norm(email));
CREATE VIEW user_emails AS SELECT id, norm(email) AS email FROM users;
