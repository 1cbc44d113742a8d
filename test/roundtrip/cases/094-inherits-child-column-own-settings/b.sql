CREATE TABLE base (id integer, kind text DEFAULT 'any', note text);
CREATE TABLE sub () INHERITS (base);
CREATE TABLE other () INHERITS (base);
ALTER TABLE ONLY sub ALTER COLUMN kind SET DEFAULT 'sub';
ALTER TABLE ONLY sub ALTER COLUMN note SET NOT NULL;
COMMENT ON COLUMN sub.id IS 'the id, as the child sees it';
GRANT SELECT (id) ON sub TO migrate_mcp_test_role;
