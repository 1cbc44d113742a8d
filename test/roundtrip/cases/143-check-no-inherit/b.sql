CREATE TABLE parents (
  id integer NOT NULL,
  kind text,
  CONSTRAINT kind_known CHECK (kind IN ('a', 'b')) NO INHERIT,
  CONSTRAINT parents_only CHECK (false) NO INHERIT
);

CREATE TABLE children (extra text) INHERITS (parents);
