-- covers: tables, reloptions; the TOAST table's options (toast.*) are added on one table and removed from another
CREATE TABLE documents (id integer PRIMARY KEY, body text);
CREATE TABLE archive (id integer PRIMARY KEY, body text) WITH (fillfactor = 90, toast.autovacuum_enabled = false);
