CREATE FUNCTION norm(t text, keep_dots boolean DEFAULT true) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN keep_dots THEN lower(t) ELSE replace(lower(t), '.', '') END $$;
CREATE TABLE users (id integer PRIMARY KEY, email text);
CREATE UNIQUE INDEX users_email_norm ON users (norm(email));
CREATE VIEW user_emails AS SELECT id, norm(email) AS email FROM users;
