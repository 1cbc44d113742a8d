-- covers: partitioned tables, constraints; plain tables with their own keys and indexes join a partitioned table whose checks they lack
CREATE TABLE readings (
    sensor integer NOT NULL,
    taken_on date NOT NULL,
    value numeric,
    PRIMARY KEY (sensor, taken_on),
    CONSTRAINT value_range CHECK (value BETWEEN -100 AND 100)
) PARTITION BY LIST (taken_on);

CREATE TABLE readings_a (sensor integer NOT NULL, taken_on date NOT NULL, value numeric,
    CONSTRAINT readings_a_pkey PRIMARY KEY (sensor, taken_on));
CREATE INDEX readings_a_value ON readings_a (value);

CREATE TABLE readings_b (sensor integer NOT NULL, taken_on date NOT NULL, value numeric,
    CONSTRAINT readings_b_key PRIMARY KEY (sensor, taken_on));
