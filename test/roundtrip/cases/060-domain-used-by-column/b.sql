CREATE DOMAIN phone_number AS text CHECK (VALUE ~ '^\+[0-9 ]+$');

CREATE TABLE people (id integer PRIMARY KEY, phone phone_number);
