-- covers: tables, indexes; REPLICA IDENTITY goes from FULL to USING INDEX on a new unique index
CREATE TABLE devices (id integer, serial text NOT NULL, name text);

ALTER TABLE devices REPLICA IDENTITY FULL;
