-- covers: columns; per-column SET STATISTICS, STORAGE, COMPRESSION and n_distinct are set, changed and reset, on a new table too, and kept through a type change
CREATE TABLE blobs (id integer, body text, meta jsonb, note varchar(10));
ALTER TABLE blobs ALTER COLUMN meta SET STORAGE MAIN;
ALTER TABLE blobs ALTER COLUMN note SET STATISTICS 50;
ALTER TABLE blobs ALTER COLUMN note SET STORAGE EXTERNAL;
