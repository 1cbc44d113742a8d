-- covers: constraints (primary key); a primary key is dropped (the column keeps NOT NULL)
CREATE TABLE raw_events (id bigint PRIMARY KEY, body text);
