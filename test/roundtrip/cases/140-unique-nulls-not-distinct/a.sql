-- covers: constraints (unique); a UNIQUE constraint becomes NULLS NOT DISTINCT (PostgreSQL 15+)
CREATE TABLE api_keys (id integer PRIMARY KEY, owner_id integer, label text, CONSTRAINT api_keys_owner_label_key UNIQUE (owner_id, label));
