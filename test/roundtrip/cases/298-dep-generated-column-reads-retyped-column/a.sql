-- covers: columns, generated columns, dependencies; columns read by generated columns change type (in place and through the online swap), a generated column changes its own type, and one is dropped with the column it reads
CREATE TABLE lines (id integer PRIMARY KEY, price numeric(10,2), total numeric GENERATED ALWAYS AS (price * 2) STORED);
CREATE TABLE people (id integer PRIMARY KEY, name varchar(10), up text GENERATED ALWAYS AS (upper(name)) STORED);
CREATE TABLE plots (id integer PRIMARY KEY, w integer, area integer GENERATED ALWAYS AS (w * 2) STORED);
CREATE TABLE boxes (id integer PRIMARY KEY, w integer, dbl integer GENERATED ALWAYS AS (w * 2) STORED);
