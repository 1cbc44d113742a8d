-- covers: indexes; indexes keep their names but change columns, uniqueness, predicate and storage parameters
CREATE TABLE tickets (id integer PRIMARY KEY, queue text, state text, opened_at timestamptz);

CREATE INDEX tickets_queue_idx ON tickets (queue);
CREATE INDEX tickets_state_idx ON tickets (state) WHERE state <> 'closed';
CREATE INDEX tickets_opened_idx ON tickets (opened_at);
