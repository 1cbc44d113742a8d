CREATE TYPE address AS (street text, city text, zip text);
COMMENT ON COLUMN address.street IS 'street, number and unit';
COMMENT ON COLUMN address.zip IS 'postal code';

CREATE TYPE span AS (hi integer, lo integer);
COMMENT ON COLUMN span.lo IS 'lower bound';
COMMENT ON COLUMN span.hi IS 'upper bound';

CREATE DOMAIN sku AS text CONSTRAINT sku_format CHECK (VALUE ~ '^[A-Z]{3}-[0-9]{4}$');
COMMENT ON CONSTRAINT sku_format ON DOMAIN sku IS 'three letters, a dash, four digits';

CREATE DOMAIN qty AS integer CONSTRAINT qty_positive CHECK (VALUE > 0) CONSTRAINT qty_small CHECK (VALUE < 1000);
COMMENT ON CONSTRAINT qty_positive ON DOMAIN qty IS 'at least one';
COMMENT ON CONSTRAINT qty_small ON DOMAIN qty IS 'fewer than a thousand';
