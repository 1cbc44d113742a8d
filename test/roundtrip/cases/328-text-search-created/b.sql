CREATE TEXT SEARCH DICTIONARY english_simple (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION docs_search (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION docs_search ALTER MAPPING FOR asciiword, word WITH english_simple, english_stem;
COMMENT ON TEXT SEARCH CONFIGURATION docs_search IS 'for docs';
CREATE TABLE docs (id int, body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('docs_search', body)) STORED);
CREATE INDEX docs_body_fts ON docs USING gin (to_tsvector('docs_search'::regconfig, body));
