CREATE TYPE place AS (name text, lat double precision, lon double precision);
CREATE TYPE address AS (street text, city text);

CREATE TABLE places OF place (name WITH OPTIONS NOT NULL);
COMMENT ON COLUMN places.lon IS 'east of Greenwich';
CREATE TABLE landmarks OF place (name WITH OPTIONS DEFAULT 'unnamed' NOT NULL, PRIMARY KEY (lat));
CREATE TABLE offices (street text, city text);
CREATE TABLE homes OF address;
