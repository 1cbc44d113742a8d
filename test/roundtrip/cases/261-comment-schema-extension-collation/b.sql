CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'reports for finance';

CREATE EXTENSION citext;
COMMENT ON EXTENSION citext IS 'case-insensitive emails';

CREATE COLLATION bytewise FROM "C";
