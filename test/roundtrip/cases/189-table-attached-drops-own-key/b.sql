CREATE TABLE readings (
    sensor integer NOT NULL,
    taken_on date NOT NULL,
    value numeric,
    PRIMARY KEY (sensor, taken_on),
    CONSTRAINT value_range CHECK (value BETWEEN -100 AND 100)
) PARTITION BY LIST (taken_on);

CREATE TABLE readings_a PARTITION OF readings FOR VALUES IN ('2024-01-01');
CREATE INDEX readings_a_value ON readings_a (value);

CREATE TABLE readings_b PARTITION OF readings FOR VALUES IN ('2024-01-02');
