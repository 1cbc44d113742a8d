-- covers: columns, generated columns; a generated column becomes a plain column and a plain one becomes generated
CREATE TABLE boxes (
  id integer PRIMARY KEY,
  w integer NOT NULL,
  h integer NOT NULL,
  area integer GENERATED ALWAYS AS (w * h) STORED,
  perimeter integer
);
