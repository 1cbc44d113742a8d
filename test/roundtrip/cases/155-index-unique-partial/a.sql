-- covers: indexes (unique, partial); a unique partial index and a plain partial index are created
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, deleted_at timestamptz, active boolean NOT NULL DEFAULT true);
