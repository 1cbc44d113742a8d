-- covers: text search dictionaries and configurations, generated columns; one dictionary gains an option in place (ALTER keeps what uses it), another's options change order, which only a rebuild gives, so its configuration and the generated column using it are rebuilt
CREATE TEXT SEARCH DICTIONARY my_dict (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH DICTIONARY other_dict (TEMPLATE = pg_catalog.simple, STOPWORDS = english, ACCEPT = false);
CREATE TEXT SEARCH CONFIGURATION cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR asciiword WITH my_dict;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR word WITH other_dict;
CREATE TABLE docs (id int, body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('cfg', body)) STORED);
