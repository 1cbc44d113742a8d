CREATE TABLE tickets (id integer PRIMARY KEY, queue text, state text, opened_at timestamptz);

CREATE INDEX tickets_queue_idx ON tickets (queue, state);
CREATE UNIQUE INDEX tickets_state_idx ON tickets (state, id) WHERE state NOT IN ('closed', 'merged');
CREATE INDEX tickets_opened_idx ON tickets (opened_at) WITH (fillfactor = 60);
