-- covers: tables, composite types; typed tables (CREATE TABLE … OF type) are created with their own defaults, NOT NULL and keys, follow their type's new and dropped attributes, and tables become typed or stop being typed (numbered after the comments)
CREATE TYPE place AS (name text, lat double precision, legacy text);
CREATE TYPE address AS (street text, city text);

CREATE TABLE places OF place (name WITH OPTIONS NOT NULL);
CREATE TABLE offices OF address;
CREATE TABLE homes (street text, city text);
