-- covers: partitioned tables; the partitioned parent is dropped while its partitions stay as plain tables, keeping their columns and (for one) the primary key
CREATE TABLE events (
    id integer PRIMARY KEY,
    kind text NOT NULL CHECK (length(kind) < 20),
    payload jsonb
) PARTITION BY HASH (id);

CREATE TABLE events_0 PARTITION OF events FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE events_1 PARTITION OF events FOR VALUES WITH (MODULUS 2, REMAINDER 1);
