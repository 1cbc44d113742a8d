CREATE EXTENSION pg_trgm;

CREATE TABLE products (id integer PRIMARY KEY, name text NOT NULL);

CREATE INDEX products_name_trgm ON products USING gist (name gist_trgm_ops);
