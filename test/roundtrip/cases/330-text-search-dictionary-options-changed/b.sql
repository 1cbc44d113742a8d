CREATE TEXT SEARCH DICTIONARY my_dict (TEMPLATE = pg_catalog.simple, STOPWORDS = english, ACCEPT = false);
CREATE TEXT SEARCH DICTIONARY other_dict (TEMPLATE = pg_catalog.simple, ACCEPT = true, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR asciiword WITH my_dict;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR word WITH other_dict;
CREATE TABLE docs (id int, body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('cfg', body)) STORED);
