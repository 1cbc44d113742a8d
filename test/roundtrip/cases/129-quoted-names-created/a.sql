-- covers: tables, columns, quoted identifiers; tables and columns with reserved, mixed-case and spaced names are created
CREATE TABLE plain (id integer PRIMARY KEY);
