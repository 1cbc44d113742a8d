-- covers: extensions, indexes; pg_trgm is added and used by a gin_trgm_ops index
CREATE TABLE documents (id integer PRIMARY KEY, body text NOT NULL);
