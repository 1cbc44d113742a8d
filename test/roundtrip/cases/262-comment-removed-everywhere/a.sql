-- covers: comments (TABLE, COLUMN, INDEX, FUNCTION, TYPE, SEQUENCE, VIEW); every comment is removed
CREATE TYPE kind AS ENUM ('a', 'b');
COMMENT ON TYPE kind IS 'kind';

CREATE SEQUENCE s;
COMMENT ON SEQUENCE s IS 'sequence';

CREATE TABLE t (id integer PRIMARY KEY, k kind);
COMMENT ON TABLE t IS 'table';
COMMENT ON COLUMN t.k IS 'column';

CREATE INDEX t_k_idx ON t (k);
COMMENT ON INDEX t_k_idx IS 'index';

CREATE VIEW v AS SELECT id FROM t;
COMMENT ON VIEW v IS 'view';

CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON FUNCTION f() IS 'function';
