-- covers: indexes (operator classes, collations); text_pattern_ops and varchar_pattern_ops indexes, and an index with a COLLATE
CREATE TABLE paths (id integer PRIMARY KEY, path text NOT NULL, code varchar(20));
