CREATE TYPE severity AS ENUM ('low', 'medium', 'high');

CREATE TABLE alerts (id integer PRIMARY KEY, severity severity NOT NULL);
