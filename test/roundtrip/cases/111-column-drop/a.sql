-- covers: columns, indexes, constraints; columns with an index and a CHECK are dropped
CREATE TABLE users (
  id integer PRIMARY KEY,
  name text NOT NULL,
  legacy_code text CHECK (legacy_code <> ''),
  fax text
);

CREATE INDEX users_legacy_code_idx ON users (legacy_code);
