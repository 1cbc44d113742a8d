-- covers: partitioned tables (LIST), columns, constraints; a column with a CHECK is added to a partitioned table and its partitions
CREATE TABLE tickets (id bigint NOT NULL, queue text NOT NULL) PARTITION BY LIST (queue);

CREATE TABLE tickets_support PARTITION OF tickets FOR VALUES IN ('support');
CREATE TABLE tickets_sales PARTITION OF tickets FOR VALUES IN ('sales');
