-- covers: partitioned tables (LIST), partitions; a partition is detached and stays as a plain table
CREATE TABLE customers (id integer NOT NULL, region text NOT NULL, name text) PARTITION BY LIST (region);

CREATE TABLE customers_eu PARTITION OF customers FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE customers_us PARTITION OF customers FOR VALUES IN ('us');
