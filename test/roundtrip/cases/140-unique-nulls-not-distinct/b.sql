CREATE TABLE api_keys (id integer PRIMARY KEY, owner_id integer, label text, CONSTRAINT api_keys_owner_label_key UNIQUE NULLS NOT DISTINCT (owner_id, label));
