CREATE TABLE raw_events (id bigint NOT NULL, body text);
