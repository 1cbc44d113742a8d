-- covers: domains; a CHECK constraint is dropped from a domain and another one is changed
CREATE DOMAIN score AS integer
  CONSTRAINT score_min CHECK (VALUE >= 0)
  CONSTRAINT score_max CHECK (VALUE <= 10);

CREATE TABLE reviews (id integer PRIMARY KEY, score score NOT NULL);
