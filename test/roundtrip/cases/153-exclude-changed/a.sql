-- covers: constraints (exclusion); an exclusion constraint gains a WHERE clause and becomes DEFERRABLE
CREATE EXTENSION btree_gist;

CREATE TABLE shifts (
  id integer PRIMARY KEY,
  worker_id integer NOT NULL,
  during tsrange NOT NULL,
  cancelled boolean NOT NULL DEFAULT false,
  CONSTRAINT shifts_no_overlap EXCLUDE USING gist (worker_id WITH =, during WITH &&)
);
