CREATE TABLE countries (id integer PRIMARY KEY, iso_code char(2) NOT NULL CONSTRAINT countries_iso_key UNIQUE);

CREATE TABLE cities (
  id integer PRIMARY KEY,
  country_code char(2) NOT NULL CONSTRAINT cities_country_fk REFERENCES countries (iso_code) ON UPDATE CASCADE
);
