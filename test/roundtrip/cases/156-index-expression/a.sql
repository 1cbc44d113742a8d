-- covers: indexes (expression); expression indexes on lower(), a date cast and a jsonb path are created
CREATE TABLE events (id integer PRIMARY KEY, email text, at timestamp, data jsonb);
