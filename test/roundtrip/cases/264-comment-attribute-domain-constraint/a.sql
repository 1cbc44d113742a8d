-- covers: comments (COLUMN of a composite, domain CONSTRAINT); comments change, go away, and come with attributes and constraints that are added or rebuilt
CREATE TYPE address AS (street text, city text);
COMMENT ON COLUMN address.street IS 'street and number';
COMMENT ON COLUMN address.city IS 'city name';

CREATE TYPE span AS (lo integer, hi integer);
COMMENT ON COLUMN span.lo IS 'lower bound';

CREATE DOMAIN sku AS text CONSTRAINT sku_format CHECK (VALUE ~ '^[A-Z]{3}-[0-9]+$');
COMMENT ON CONSTRAINT sku_format ON DOMAIN sku IS 'three letters, a dash, digits';

CREATE DOMAIN qty AS integer CONSTRAINT qty_positive CHECK (VALUE > 0);
