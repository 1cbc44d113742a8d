-- covers: indexes (access methods); hash, gin, gist, brin and spgist indexes are created
CREATE TABLE samples (
  id bigint PRIMARY KEY,
  token text NOT NULL,
  doc jsonb,
  tags text[],
  area box,
  during tsrange,
  taken_at timestamptz NOT NULL,
  ip inet
);
