CREATE TABLE documents (id integer PRIMARY KEY, body text) WITH (toast.autovacuum_enabled = false, toast.vacuum_truncate = false);
CREATE TABLE archive (id integer PRIMARY KEY, body text) WITH (fillfactor = 90);
