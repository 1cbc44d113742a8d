-- covers: constraints (check), inheritance; a CHECK NO INHERIT is added on a parent and an inherited CHECK becomes NO INHERIT
CREATE TABLE parents (id integer NOT NULL, kind text, CONSTRAINT kind_known CHECK (kind IN ('a', 'b')));

CREATE TABLE children (extra text) INHERITS (parents);
