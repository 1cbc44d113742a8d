-- covers: schemas, comments; a schema comment is changed, another added, a third removed
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application tables';

CREATE SCHEMA reporting;

CREATE SCHEMA staging;
COMMENT ON SCHEMA staging IS 'loaded nightly';
