CREATE TABLE events_0 (id integer NOT NULL, kind text NOT NULL, payload jsonb);

CREATE TABLE events_1 (id integer PRIMARY KEY, kind text NOT NULL, payload jsonb);
