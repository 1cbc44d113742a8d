-- covers: domains; a second named CHECK constraint is added to a domain used by a column
CREATE DOMAIN us_zip AS text CONSTRAINT zip_digits CHECK (VALUE ~ '^[0-9]+$');

CREATE TABLE addresses (id integer PRIMARY KEY, zip us_zip);
