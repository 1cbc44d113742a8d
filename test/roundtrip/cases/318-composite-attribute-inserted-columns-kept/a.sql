-- covers: composite types, columns, views, functions; an attribute is inserted before others and another retyped while columns, a view and a function use the type: the type is rebuilt and its columns recast attribute by attribute
CREATE TYPE "Address" AS (city text, zip varchar(10), country char(2));

CREATE TABLE customers (
  id integer PRIMARY KEY,
  billing "Address",
  shipping "Address" NOT NULL DEFAULT ROW('-', NULL, NULL)::"Address"
);
CREATE VIEW customer_cities AS SELECT id, (billing).city FROM customers;
CREATE FUNCTION city_of(a "Address") RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT (a).city';
