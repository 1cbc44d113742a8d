CREATE TEXT SEARCH DICTIONARY english_simple (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION docs_search (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION docs_search ALTER MAPPING FOR asciiword WITH english_simple;
ALTER TEXT SEARCH CONFIGURATION docs_search DROP MAPPING FOR email, url;
CREATE TABLE docs (id int, body text);
CREATE INDEX docs_body_fts ON docs USING gin (to_tsvector('docs_search'::regconfig, body));
