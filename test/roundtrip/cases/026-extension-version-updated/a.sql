-- covers: extensions; pg_trgm is updated from 1.3 to 1.4 and its comment changes (the rollback has no downgrade script, so it drops and creates the unused extension)
CREATE EXTENSION pg_trgm VERSION '1.3';
COMMENT ON EXTENSION pg_trgm IS 'trigram matching, old';
CREATE TABLE documents (id integer PRIMARY KEY, body text NOT NULL);
