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

CREATE INDEX samples_token_hash ON samples USING hash (token);
CREATE INDEX samples_doc_gin ON samples USING gin (doc jsonb_path_ops);
CREATE INDEX samples_tags_gin ON samples USING gin (tags);
CREATE INDEX samples_area_gist ON samples USING gist (area);
CREATE INDEX samples_during_gist ON samples USING gist (during);
CREATE INDEX samples_taken_brin ON samples USING brin (taken_at) WITH (pages_per_range = 32);
CREATE INDEX samples_ip_spgist ON samples USING spgist (ip);
