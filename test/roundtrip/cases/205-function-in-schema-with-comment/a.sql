-- covers: functions, schemas, comments, privileges; a function in another schema changes body, gets a comment and loses PUBLIC execute
CREATE SCHEMA util;

CREATE FUNCTION util.clamp(v integer, lo integer, hi integer) RETURNS integer LANGUAGE sql IMMUTABLE
AS $$ SELECT greatest(lo, least(hi, v)) $$;
