-- covers: partitioned tables; partitioned tables change their partition key while their partitions (and the data in them) stay, with keys, checks, indexes, a trigger and a view on the parent
CREATE TABLE measurements (
    id integer NOT NULL,
    taken_on date NOT NULL,
    value numeric,
    PRIMARY KEY (id, taken_on)
) PARTITION BY RANGE (taken_on);
CREATE INDEX measurements_value ON measurements (value);
CREATE TABLE measurements_1 PARTITION OF measurements FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE measurements_2 PARTITION OF measurements FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');

CREATE TABLE events (id integer NOT NULL, kind text NOT NULL, CHECK (id > 0)) PARTITION BY LIST (kind);
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
CREATE TABLE events_b PARTITION OF events FOR VALUES IN ('b');

CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER stamp BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE VIEW event_ids AS SELECT id FROM events;
