-- covers: tables, partitioned tables (RANGE); a plain table is replaced by a partitioned table of the same name
CREATE TABLE readings (id bigint NOT NULL, at date NOT NULL, value numeric);
