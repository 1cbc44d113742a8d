-- covers: dependencies, domains, columns; a domain is recreated over a different base type while a column uses it
CREATE DOMAIN amount AS integer CHECK (VALUE >= 0);

CREATE TABLE payments (id integer PRIMARY KEY, amount amount NOT NULL);
