-- covers: columns, inheritance, partitioned tables; a parent gains a column whose copy in an existing child or partition has its own default, NOT NULL and comment, while a new partition and a comment on the parent come too
CREATE TABLE stores (id integer NOT NULL, name text) PARTITION BY LIST (id);
CREATE TABLE stores_1 PARTITION OF stores FOR VALUES IN (1);

CREATE TABLE base_log (id bigint NOT NULL);
CREATE TABLE app_log () INHERITS (base_log);
