CREATE TABLE nodes (
  id integer PRIMARY KEY,
  parent_id integer REFERENCES nodes (id) ON DELETE CASCADE,
  name text NOT NULL
);

CREATE TABLE comments (
  id integer PRIMARY KEY,
  reply_to integer REFERENCES comments (id) DEFERRABLE,
  node_id integer NOT NULL REFERENCES nodes (id)
);
