CREATE DOMAIN email_address AS text CONSTRAINT email_has_at CHECK (VALUE LIKE '%_@_%');

CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, email email_address);
