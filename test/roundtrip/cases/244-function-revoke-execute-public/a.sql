-- covers: privileges (functions, procedures); EXECUTE is revoked from PUBLIC and granted to a role
CREATE TABLE t (id integer PRIMARY KEY);

CREATE FUNCTION dangerous_reset() RETURNS void LANGUAGE sql AS $$ DELETE FROM t $$;

CREATE PROCEDURE rebuild() LANGUAGE sql AS $$ DELETE FROM t $$;

CREATE FUNCTION harmless() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
REVOKE EXECUTE ON FUNCTION harmless() FROM PUBLIC;
