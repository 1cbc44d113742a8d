CREATE EXTENSION pg_trgm VERSION '1.4';
COMMENT ON EXTENSION pg_trgm IS 'trigram matching';
CREATE TABLE documents (id integer PRIMARY KEY, body text NOT NULL);
