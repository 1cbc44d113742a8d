-- covers: domains, columns; a domain and the column that uses it are dropped
CREATE DOMAIN percentage AS numeric(5, 2) CHECK (VALUE BETWEEN 0 AND 100);

CREATE TABLE discounts (id integer PRIMARY KEY, rate percentage NOT NULL);
