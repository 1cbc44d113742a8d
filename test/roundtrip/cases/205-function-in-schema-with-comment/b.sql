CREATE SCHEMA util;

CREATE FUNCTION util.clamp(v integer, lo integer, hi integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT CASE WHEN v < lo THEN lo WHEN v > hi THEN hi ELSE v END $$;

COMMENT ON FUNCTION util.clamp(integer, integer, integer) IS 'limits v to [lo, hi]';

REVOKE EXECUTE ON FUNCTION util.clamp(integer, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION util.clamp(integer, integer, integer) TO migrate_mcp_test_role;
