CREATE TABLE regions (id integer PRIMARY KEY);

CREATE TABLE sales (
    id integer NOT NULL,
    sold_on date NOT NULL,
    region integer REFERENCES regions ON DELETE CASCADE,
    amount numeric CHECK (amount >= 0),
    UNIQUE (id, sold_on)
) PARTITION BY RANGE (sold_on);

CREATE INDEX sales_big ON sales (amount) WHERE amount > 1000;

-- Detached, keeping everything it had from the parent.
CREATE TABLE sales_2020 (id integer NOT NULL, sold_on date NOT NULL, region integer, amount numeric);
ALTER TABLE sales_2020 ADD CONSTRAINT sales_2020_id_sold_on_key UNIQUE (id, sold_on);
ALTER TABLE sales_2020 ADD CONSTRAINT sales_region_fkey FOREIGN KEY (region) REFERENCES regions(id) ON DELETE CASCADE;
ALTER TABLE sales_2020 ADD CONSTRAINT sales_amount_check CHECK (amount >= 0);
CREATE INDEX sales_2020_amount_idx ON sales_2020 (amount) WHERE amount > 1000;
COMMENT ON TABLE sales_2020 IS 'archived year';

-- Detached, keeping only its unique key.
CREATE TABLE sales_2021 (id integer NOT NULL, sold_on date NOT NULL, region integer, amount numeric);
ALTER TABLE sales_2021 ADD CONSTRAINT sales_2021_id_sold_on_key UNIQUE (id, sold_on);

CREATE TABLE sales_2022 PARTITION OF sales FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
