CREATE TABLE devices (id integer, serial text NOT NULL, name text);

CREATE UNIQUE INDEX devices_serial_key ON devices (serial);

ALTER TABLE devices REPLICA IDENTITY USING INDEX devices_serial_key;
