CREATE DOMAIN us_zip AS text
  CONSTRAINT zip_digits CHECK (VALUE ~ '^[0-9]+$')
  CONSTRAINT zip_length CHECK (length(VALUE) = 5);

CREATE TABLE addresses (id integer PRIMARY KEY, zip us_zip);
