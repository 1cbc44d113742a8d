CREATE TABLE t (id integer PRIMARY KEY);

CREATE SCHEMA api;
GRANT USAGE ON SCHEMA api TO migrate_mcp_test_role;

CREATE TABLE api.requests (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, path text NOT NULL);
GRANT SELECT, INSERT ON api.requests TO migrate_mcp_test_role;
GRANT USAGE ON SEQUENCE api.requests_id_seq TO migrate_mcp_test_role;

CREATE FUNCTION api.hit(p text) RETURNS void LANGUAGE sql AS $$ INSERT INTO api.requests (path) VALUES (p) $$;
REVOKE ALL ON FUNCTION api.hit(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.hit(text) TO migrate_mcp_test_role;
