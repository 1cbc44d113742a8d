CREATE TYPE dimensions AS (width numeric, height numeric, unit text);
