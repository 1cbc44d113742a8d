-- covers: partitioned tables; a partition-key column changes type (the parent is rebuilt, its partitions and their rows kept)
CREATE TABLE public.sales (id int NOT NULL, region smallint NOT NULL, amount numeric) PARTITION BY LIST (region);
CREATE TABLE public.sales_eu PARTITION OF public.sales FOR VALUES IN (1, 2);
CREATE TABLE public.sales_us PARTITION OF public.sales FOR VALUES IN (3);
CREATE INDEX sales_region_idx ON public.sales (region);
CREATE TABLE public.events ("Day" smallint NOT NULL, note text) PARTITION BY RANGE ("Day");
CREATE TABLE public.events_low PARTITION OF public.events FOR VALUES FROM (0) TO (100);
