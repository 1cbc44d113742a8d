CREATE EXTENSION pg_trgm;

CREATE TABLE documents (id integer PRIMARY KEY, body text NOT NULL);

CREATE INDEX documents_body_trgm ON documents USING gin (body gin_trgm_ops);
