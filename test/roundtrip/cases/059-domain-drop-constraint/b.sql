CREATE DOMAIN score AS integer
  CONSTRAINT score_max CHECK (VALUE <= 100);

CREATE TABLE reviews (id integer PRIMARY KEY, score score NOT NULL);
