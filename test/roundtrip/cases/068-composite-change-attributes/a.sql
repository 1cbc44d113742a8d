-- covers: composite types; an attribute is dropped and another changes type
CREATE TYPE dimensions AS (width integer, height integer, depth integer, unit text);
