-- covers: indexes (operator classes), extensions; a trigram index changes from gin to gist (gin_trgm_ops to gist_trgm_ops)
CREATE EXTENSION pg_trgm;

CREATE TABLE products (id integer PRIMARY KEY, name text NOT NULL);

CREATE INDEX products_name_trgm ON products USING gin (name gin_trgm_ops);
