import { describe, expect, it } from "vitest";
import { checkReadOnlyQuery } from "../../src/server/readonly-sql.js";

describe("checkReadOnlyQuery", () => {
  const accepted: [string, "select" | "explain"][] = [
    ["SELECT 1", "select"],
    ["  SELECT 1; ", "select"],
    ["SELECT 1 -- trailing comment", "select"],
    ["VALUES (1), (2)", "select"],
    ["TABLE pg_class", "select"],
    ["WITH a AS (SELECT 1 AS x) SELECT x FROM a UNION ALL SELECT 2", "select"],
    ["SELECT count(*) FROM pg_stat_activity WHERE state = 'active'", "select"],
    ["SELECT $$;DROP TABLE t;$$ AS text", "select"],
    ["EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM pg_class", "explain"],
  ];
  for (const [sql, kind] of accepted) {
    it(`accepts ${sql}`, async () => {
      expect(await checkReadOnlyQuery(sql)).toEqual({ sql: sql.trim().replace(/;$/, ""), kind });
    });
  }

  const refused: [string, RegExp][] = [
    ["-- only a comment", /0 statements/],
    ["SELECT 1; SELECT 2", /2 statements/],
    ["INSERT INTO t VALUES (1)", /an INSERT statement is not a SELECT/],
    ["WITH u AS (UPDATE t SET x = 1 RETURNING *) SELECT * FROM u", /an UPDATE statement/],
    [
      "SELECT * FROM (WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM i) s",
      /an INSERT statement/,
    ],
    ["SELECT * FROM t FOR NO KEY UPDATE SKIP LOCKED", /FOR UPDATE\/SHARE/],
    ["EXPLAIN (ANALYZE) SELECT 1", /EXPLAIN ANALYZE/],
    ["EXPLAIN (ANALYZE false) SELECT 1", /EXPLAIN ANALYZE/],
    ["EXPLAIN SELECT pg_read_binary_file('x')", /pg_read_binary_file\(\)/],
    ["SELECT PG_STAT_FILE('postgresql.conf')", /pg_stat_file\(\)/],
    ["SELECT lo_import('/etc/passwd')", /lo_import\(\)/],
    ["SELECT * FROM dblink('host=evil', 'SELECT 1') AS d(x int)", /dblink\(\)/],
    ["SELECT pg_terminate_backend(1)", /pg_terminate_backend\(\)/],
    ["SELECT pg_advisory_lock(1)", /pg_advisory_lock\(\)/],
    ["SELECT nextval('s')", /nextval\(\)/],
    ["SELECT ts_stat('SELECT pg_read_file(''x'')::tsvector')", /ts_stat\(\)/],
    ["SELECT 1 WHERE EXISTS (SELECT pg_ls_waldir())", /pg_ls_waldir\(\)/],
    ["COPY t TO '/tmp/x'", /a COPY statement/],
    ["DO $$BEGIN END$$", /a DO statement/],
    ["SET statement_timeout = 0", /is not a SELECT/],
    ["SELECT 1 FROM", /syntax error/],
  ];
  for (const [sql, message] of refused) {
    it(`refuses ${sql}`, async () => {
      await expect(checkReadOnlyQuery(sql)).rejects.toThrow(message);
    });
  }
});
