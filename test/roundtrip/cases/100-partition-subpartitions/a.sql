-- covers: partitioned tables (RANGE, LIST), sub-partitions; a partition becomes itself partitioned by LIST
CREATE TABLE sales (sold_on date NOT NULL, region text NOT NULL, amount numeric) PARTITION BY RANGE (sold_on);

CREATE TABLE sales_2025 PARTITION OF sales FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
