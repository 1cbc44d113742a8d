CREATE TABLE measurements (
    id integer NOT NULL,
    taken_on date NOT NULL,
    value numeric,
    PRIMARY KEY (id, taken_on)
) PARTITION BY RANGE (id);
CREATE INDEX measurements_value ON measurements (value);
CREATE TABLE measurements_1 PARTITION OF measurements FOR VALUES FROM (0) TO (1000);
CREATE TABLE measurements_2 PARTITION OF measurements FOR VALUES FROM (1000) TO (2000);

-- The same bounds under a new key expression.
CREATE TABLE events (id integer NOT NULL, kind text NOT NULL, CHECK (id > 0)) PARTITION BY LIST ((lower(kind)));
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
CREATE TABLE events_b PARTITION OF events FOR VALUES IN ('b');

CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER stamp BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE VIEW event_ids AS SELECT id FROM events;
