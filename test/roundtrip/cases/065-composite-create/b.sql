CREATE TYPE address AS (street text, city text, postal_code varchar(10));

CREATE TABLE shipments (id integer PRIMARY KEY, destination address);
