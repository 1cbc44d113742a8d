CREATE TABLE events (id integer PRIMARY KEY, email text, at timestamp, data jsonb);

CREATE UNIQUE INDEX events_lower_email_key ON events (lower(email));

CREATE INDEX events_day_idx ON events ((at::date));

CREATE INDEX events_type_idx ON events ((data ->> 'type'), (data #>> '{source,name}'));
