-- covers: sequences, columns; a sequence stops being owned by a column, and the column loses its default
CREATE TABLE items (id serial PRIMARY KEY, name text);
