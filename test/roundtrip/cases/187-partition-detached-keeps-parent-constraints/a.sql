-- covers: partitioned tables, constraints, indexes; a detached partition keeps the keys, checks and indexes it had from its parent, or loses them
CREATE TABLE regions (id integer PRIMARY KEY);

CREATE TABLE sales (
    id integer NOT NULL,
    sold_on date NOT NULL,
    region integer REFERENCES regions ON DELETE CASCADE,
    amount numeric CHECK (amount >= 0),
    UNIQUE (id, sold_on)
) PARTITION BY RANGE (sold_on);

CREATE INDEX sales_big ON sales (amount) WHERE amount > 1000;

CREATE TABLE sales_2020 PARTITION OF sales FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE sales_2021 PARTITION OF sales FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE TABLE sales_2022 PARTITION OF sales FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');

COMMENT ON TABLE sales_2020 IS 'closed year';
