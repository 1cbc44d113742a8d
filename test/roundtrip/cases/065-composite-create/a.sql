-- covers: composite types, columns; a composite type is created and used by a column
CREATE TABLE shipments (id integer PRIMARY KEY);
