-- covers: indexes (ordering); a multi-column index changes to DESC NULLS FIRST / ASC NULLS LAST ordering
CREATE TABLE scores (id integer PRIMARY KEY, player text NOT NULL, points integer, achieved_at timestamptz);

CREATE INDEX scores_rank_idx ON scores (points, achieved_at);
