-- covers: constraints (foreign key); a composite FK becomes MATCH FULL and DEFERRABLE INITIALLY DEFERRED
CREATE TABLE regions (country text NOT NULL, code text NOT NULL, PRIMARY KEY (country, code));

CREATE TABLE offices (
  id integer PRIMARY KEY,
  country text,
  region_code text,
  CONSTRAINT offices_region_fk FOREIGN KEY (country, region_code) REFERENCES regions (country, code)
);
