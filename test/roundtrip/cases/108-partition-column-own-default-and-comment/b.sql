CREATE TABLE events (id integer NOT NULL, region text NOT NULL, note text) PARTITION BY LIST (region);
CREATE TABLE events_eu PARTITION OF events (note DEFAULT 'eu note') FOR VALUES IN ('eu') PARTITION BY LIST (note);
CREATE TABLE events_eu_a PARTITION OF events_eu (note DEFAULT 'a') FOR VALUES IN ('a');
CREATE TABLE events_us PARTITION OF events FOR VALUES IN ('us');
COMMENT ON COLUMN events_us.note IS 'free text';
