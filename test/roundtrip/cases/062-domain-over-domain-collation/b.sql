CREATE COLLATION bytewise FROM "C";

CREATE DOMAIN code AS text COLLATE bytewise CHECK (VALUE <> '');

CREATE DOMAIN country_code AS code CHECK (length(VALUE) = 2);

CREATE TABLE countries (code country_code PRIMARY KEY, name text NOT NULL);
