CREATE TABLE tickets (
  id bigint NOT NULL,
  queue text NOT NULL,
  priority smallint NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5)
) PARTITION BY LIST (queue);

CREATE TABLE tickets_support PARTITION OF tickets FOR VALUES IN ('support');
CREATE TABLE tickets_sales PARTITION OF tickets FOR VALUES IN ('sales');
