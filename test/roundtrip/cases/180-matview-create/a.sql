-- covers: materialized views, indexes; a materialized view with a unique index is created
CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
