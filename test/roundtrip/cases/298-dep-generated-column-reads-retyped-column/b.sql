CREATE TABLE lines (id integer PRIMARY KEY, price numeric(12,4), total numeric GENERATED ALWAYS AS (price * 2) STORED);
CREATE TABLE people (id integer PRIMARY KEY, name varchar(20), up text GENERATED ALWAYS AS (upper(name)) STORED);
CREATE TABLE plots (id integer PRIMARY KEY, w numeric);
CREATE TABLE boxes (id integer PRIMARY KEY, w integer, dbl bigint GENERATED ALWAYS AS (w * 2) STORED);
