-- covers: tables, indexes, views, functions, enums; nothing changes (a = b)
CREATE TYPE status AS ENUM ('draft', 'published');

CREATE TABLE articles (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  status status NOT NULL DEFAULT 'draft',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX articles_status_idx ON articles (status);

CREATE FUNCTION article_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM articles $$;

CREATE VIEW published_articles AS SELECT id, title FROM articles WHERE status = 'published';
