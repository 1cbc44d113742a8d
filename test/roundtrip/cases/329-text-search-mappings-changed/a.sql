-- covers: text search configurations, indexes; a configuration an expression index uses changes in place: a token type goes through a new dictionary, two lose their mapping
CREATE TEXT SEARCH CONFIGURATION docs_search (COPY = pg_catalog.english);
CREATE TABLE docs (id int, body text);
CREATE INDEX docs_body_fts ON docs USING gin (to_tsvector('docs_search'::regconfig, body));
