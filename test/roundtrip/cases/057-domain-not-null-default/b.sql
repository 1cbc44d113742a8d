CREATE DOMAIN quantity AS integer NOT NULL DEFAULT 0 CHECK (VALUE >= 0);

CREATE DOMAIN label AS text;

CREATE TABLE stock (id integer PRIMARY KEY, qty quantity, tag label);
