-- covers: triggers, partitioned tables; a row trigger on a partitioned table (cloned to partitions) is created
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, seen boolean) PARTITION BY RANGE (at);

CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE FUNCTION mark_unseen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.seen := false; RETURN NEW; END $$;
