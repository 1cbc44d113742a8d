-- covers: comments (SCHEMA, EXTENSION, COLLATION); comments on a schema, an extension and a collation are changed
CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'reports';

CREATE EXTENSION citext;

CREATE COLLATION bytewise FROM "C";
COMMENT ON COLLATION bytewise IS 'C order';
