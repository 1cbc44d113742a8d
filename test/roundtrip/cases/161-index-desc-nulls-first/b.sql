CREATE TABLE scores (id integer PRIMARY KEY, player text NOT NULL, points integer, achieved_at timestamptz);

CREATE INDEX scores_rank_idx ON scores (points DESC NULLS FIRST, achieved_at ASC NULLS LAST);
