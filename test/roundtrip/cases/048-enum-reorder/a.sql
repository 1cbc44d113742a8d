-- covers: enums; the values of an enum are reordered (the type is recreated and its column recast)
CREATE TYPE severity AS ENUM ('high', 'medium', 'low');

CREATE TABLE alerts (id integer PRIMARY KEY, severity severity NOT NULL);
