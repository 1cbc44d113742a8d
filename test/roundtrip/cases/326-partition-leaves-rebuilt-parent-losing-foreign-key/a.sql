-- covers: partitioned tables, foreign keys; two partitioned tables become plain ones that keep the foreign key between them, while a partition stays as a table of its own without the key (the partition leaves before the parent's key is dropped to be rebuilt, so the key's copy on it is dropped on its own)
CREATE TABLE users (id int NOT NULL, region text NOT NULL, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE users_eu PARTITION OF users FOR VALUES IN ('eu');
CREATE TABLE events (id int, region text, user_id int, CONSTRAINT events_user_fk FOREIGN KEY (user_id, region) REFERENCES users) PARTITION BY LIST (region);
CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('eu');
