-- covers: partitions, columns, comments; partitions give inherited columns their own defaults and comments, one level down too
CREATE TABLE events (id integer NOT NULL, region text NOT NULL, note text) PARTITION BY LIST (region);
CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('eu') PARTITION BY LIST (note);
CREATE TABLE events_eu_a PARTITION OF events_eu FOR VALUES IN ('a');
CREATE TABLE events_us PARTITION OF events FOR VALUES IN ('us');
