import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { withClient } from "../../src/db/index.js";
import { runReadOnlyQuery } from "../../src/server/query.js";
import { queryReadonlyOutput } from "../../src/server/tools/query-readonly.js";
import { freshDatabase } from "../helpers/db.js";
import { callOk, callTool, connectClient, errorLine, expectOk, projectDir } from "./client.js";

const SCHEMA = `
  CREATE TABLE t (id int PRIMARY KEY, name text, note text);
  INSERT INTO t SELECT g, 'name ' || g, CASE WHEN g % 2 = 0 THEN NULL ELSE 'odd' END FROM generate_series(1, 3) g;
  CREATE FUNCTION sneaky_insert() RETURNS int LANGUAGE sql AS 'INSERT INTO t VALUES (99, ''x'', NULL) RETURNING 1';
`;

const outputSchema = z.object(queryReadonlyOutput).strict();

async function setup() {
  const db = await freshDatabase(SCHEMA);
  const cwd = await projectDir({ app: db.url });
  const client = await connectClient({ cwd });
  /** What must be true after any refusal: the table is there with its three rows. */
  const unchanged = async () => {
    const rows = await withClient(db.url, (c) => c.query<{ n: string }>("SELECT count(*) AS n FROM t"));
    expect(rows.rows[0]?.n).toBe("3");
  };
  return { db, cwd, client, unchanged };
}

describe("query_readonly", () => {
  it("returns columns with their types, rows as text, NULLs as null", async () => {
    const { client } = await setup();
    const result = await callTool(client, "query_readonly", {
      database: "app",
      sql: "SELECT id, name, note, id * 1.5 AS half FROM t ORDER BY id",
    });
    expectOk("query_readonly", result);
    const data = outputSchema.parse(result.structuredContent);
    expect(data.columns).toEqual([
      { name: "id", type: "integer" },
      { name: "name", type: "text" },
      { name: "note", type: "text" },
      { name: "half", type: "numeric" },
    ]);
    expect(data.rows).toEqual([
      ["1", "name 1", "odd", "1.5"],
      ["2", "name 2", null, "3.0"],
      ["3", "name 3", "odd", "4.5"],
    ]);
    expect(data.rowCount).toBe(3);
    expect(data.truncated).toBe(false);
    expect(errorLine(result)).toMatch(/^3 rows from app/);
  });

  it("sends a logging notification at the level the client asked for", async () => {
    const { client } = await setup();
    const messages: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      messages.push(notification.params);
    });
    await client.setLoggingLevel("info");
    await callTool(client, "query_readonly", { database: "app", sql: "SELECT 1" });
    expect(messages).toEqual([]);
    await client.setLoggingLevel("debug");
    await callTool(client, "query_readonly", { database: "app", sql: "SELECT 1" });
    expect(messages).toEqual([
      { level: "debug", logger: "migrate-mcp", data: "query_readonly on app: 1 rows" },
    ]);
  });

  it("caps rows at 500 and says the result was truncated", async () => {
    const { client } = await setup();
    const data = await callOk(
      client,
      "query_readonly",
      { database: "app", sql: "SELECT g FROM generate_series(1, 600) g ORDER BY g" },
      outputSchema,
    );
    expect(data.rowCount).toBe(500);
    expect(data.rows).toHaveLength(500);
    expect(data.rows.at(-1)).toEqual(["500"]);
    expect(data.truncated).toBe(true);
  });

  it("runs EXPLAIN without ANALYZE", async () => {
    const { client } = await setup();
    const data = await callOk(
      client,
      "query_readonly",
      { database: "app", sql: "EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id = 1" },
      outputSchema,
    );
    expect(data.columns).toEqual([{ name: "QUERY PLAN", type: "text" }]);
    expect(data.rows.flat().join("\n")).toMatch(/Scan.* on t/);
  });

  it("accepts a raw URL only when the server allows URLs", async () => {
    const db = await freshDatabase(SCHEMA);
    const client = await connectClient({ cwd: await projectDir(), allowUrls: true });
    const data = await callOk(
      client,
      "query_readonly",
      { database: db.url, sql: "SELECT count(*) FROM t" },
      outputSchema,
    );
    expect(data.rows).toEqual([["3"]]);
  });

  const refusals: [string, string, RegExp][] = [
    ["several statements", "COMMIT; DROP TABLE t", /^QUERY_REFUSED: .*2 statements; send exactly one SELECT/],
    ["a file-reading function", "SELECT pg_read_file('/etc/passwd')", /^QUERY_REFUSED: .*pg_read_file\(\)/],
    [
      "a schema-qualified file-reading function in FROM",
      "SELECT * FROM pg_catalog.pg_ls_dir('.')",
      /^QUERY_REFUSED: .*pg_ls_dir\(\)/,
    ],
    [
      "a data-modifying CTE",
      "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
      /^QUERY_REFUSED: .*a DELETE statement/,
    ],
    ["a locking clause", "SELECT * FROM t FOR UPDATE", /^QUERY_REFUSED: .*FOR UPDATE\/SHARE/],
    [
      "a nested locking clause",
      "SELECT * FROM (SELECT * FROM t FOR SHARE) s",
      /^QUERY_REFUSED: .*FOR UPDATE/,
    ],
    ["EXPLAIN ANALYZE", "EXPLAIN ANALYZE DELETE FROM t", /^QUERY_REFUSED: .*EXPLAIN ANALYZE executes/],
    ["EXPLAIN of a write", "EXPLAIN DELETE FROM t", /^QUERY_REFUSED: .*EXPLAIN of a SELECT/],
    ["SELECT INTO", "SELECT * INTO t_copy FROM t", /^QUERY_REFUSED: .*SELECT INTO creates a table/],
    ["a plain write", "DELETE FROM t", /^QUERY_REFUSED: .*a DELETE statement is not a SELECT/],
    ["set_config", "SELECT set_config('statement_timeout', '0', false)", /^QUERY_REFUSED: .*set_config\(\)/],
    ["SQL hidden in a string", "SELECT query_to_xml('DELETE FROM t', true, false, '')", /query_to_xml\(\)/],
  ];

  for (const [what, sql, message] of refusals) {
    it(`refuses ${what} and changes nothing`, async () => {
      const { client, unchanged } = await setup();
      const result = await callTool(client, "query_readonly", { database: "app", sql });
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toBeUndefined();
      expect(result.content).toHaveLength(1);
      expect(errorLine(result)).toMatch(message);
      expect(errorLine(result).split("\n")).toHaveLength(1);
      await unchanged();
    });
  }

  it("a function that writes passes the parse check but the READ ONLY transaction stops it", async () => {
    const { client, unchanged } = await setup();
    const result = await callTool(client, "query_readonly", {
      database: "app",
      sql: "SELECT sneaky_insert()",
    });
    expect(result.isError).toBe(true);
    expect(errorLine(result)).toMatch(/^QUERY_FAILED: .*read-only transaction/);
    await unchanged();
  });

  it("refuses an unknown database name, listing the known ones", async () => {
    const { client } = await setup();
    const result = await callTool(client, "query_readonly", { database: "prod", sql: "SELECT 1" });
    expect(result.isError).toBe(true);
    expect(errorLine(result)).toBe(
      'DATABASE_REFUSED: unknown database "prod"; use one of: default, app (add others under databases: in migrate.config.yaml)',
    );
  });

  it("refuses a raw URL without --allow-urls and never echoes its password", async () => {
    const { db, client, unchanged } = await setup();
    const withPassword = db.url.replace("postgres@", "postgres:hunter2@");
    const result = await callTool(client, "query_readonly", { database: withPassword, sql: "DELETE FROM t" });
    expect(result.isError).toBe(true);
    expect(errorLine(result)).toMatch(/^DATABASE_REFUSED: raw database URLs are refused .*--allow-urls$/);
    expect(errorLine(result)).not.toContain("hunter2");
    await unchanged();
  });

  it("reports PostgreSQL's error in one line", async () => {
    const { client } = await setup();
    const result = await callTool(client, "query_readonly", {
      database: "app",
      sql: "SELECT * FROM missing",
    });
    expect(result.isError).toBe(true);
    expect(errorLine(result)).toMatch(
      /^QUERY_FAILED: PostgreSQL rejected the query: relation "missing" does not exist/,
    );
  });

  it("cancels a query that outruns the statement timeout", async () => {
    const db = await freshDatabase();
    await expect(
      runReadOnlyQuery(db.url, "SELECT count(*) FROM generate_series(1, 1000000000)", { timeoutMs: 200 }),
    ).rejects.toMatchObject({ code: "QUERY_FAILED", message: expect.stringMatching(/longer than 0.2 s/) });
  });
});
