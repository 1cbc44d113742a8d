-- covers: domains; a domain gains NOT NULL and a DEFAULT, another loses them
CREATE DOMAIN quantity AS integer CHECK (VALUE >= 0);

CREATE DOMAIN label AS text NOT NULL DEFAULT 'unnamed';

CREATE TABLE stock (id integer PRIMARY KEY, qty quantity, tag label);
