-- covers: columns, generated columns; stored generated columns are added
CREATE TABLE line_items (id integer PRIMARY KEY, quantity integer NOT NULL, unit_price numeric(10, 2) NOT NULL, name text);
