-- covers: materialized views, indexes, tables; indexes and a storage parameter are added to an unchanged materialized view
CREATE TABLE posts (id integer PRIMARY KEY, author text NOT NULL, words integer NOT NULL);

CREATE MATERIALIZED VIEW author_stats AS SELECT author, sum(words) AS words FROM posts GROUP BY author;
