CREATE TYPE "Address" AS (city text, region text, zip varchar(20), country char(2));

CREATE TABLE customers (
  id integer PRIMARY KEY,
  billing "Address",
  shipping "Address" NOT NULL DEFAULT ROW('-', NULL, NULL, NULL)::"Address"
);
CREATE VIEW customer_cities AS SELECT id, (billing).city FROM customers;
CREATE FUNCTION city_of(a "Address") RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT (a).city';
