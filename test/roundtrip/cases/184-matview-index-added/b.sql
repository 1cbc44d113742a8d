CREATE TABLE posts (id integer PRIMARY KEY, author text NOT NULL, words integer NOT NULL);

CREATE MATERIALIZED VIEW author_stats WITH (fillfactor = 90) AS SELECT author, sum(words) AS words FROM posts GROUP BY author;

CREATE UNIQUE INDEX author_stats_author ON author_stats (author);
CREATE INDEX author_stats_words ON author_stats (words DESC);
