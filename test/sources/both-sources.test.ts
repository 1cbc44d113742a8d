import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withClient, withDatabase } from "../../src/db/index.js";
import { runCli } from "../helpers/cli.js";
import { serverUrl } from "../helpers/db.js";
import { databasesWithPrefix, tempDir } from "./helpers.js";

/** Shadow databases on the test server that hold `table`; other tests' shadows may vanish meanwhile. */
async function shadowsHolding(table: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of await databasesWithPrefix("migrate_mcp_shadow_")) {
    const holds = await withClient(withDatabase(serverUrl(), name), async (client) => {
      const { rows } = await client.query("SELECT 1 FROM pg_class WHERE relname = $1", [table]);
      return rows.length > 0;
    }).catch(() => false);
    if (holds) found.push(name);
  }
  return found;
}

describe("two SQL sources, one failing", () => {
  it("exits with the error only after the other source's shadow is dropped", async () => {
    const table = `mm_both_${randomBytes(4).toString("hex")}`;
    // The old schema is still loading when the new one fails.
    const cwd = await tempDir({
      "old.sql": `CREATE TABLE ${table} (id int);\nSELECT pg_sleep(1);\n`,
      "new.sql": "CREATE TABLE u (id int REFERENCES nowhere);\n",
    });
    const result = await runCli(
      ["analyze", "--source", "old.sql", "--target", "new.sql"],
      {
        MIGRATE_DATABASE_URL: serverUrl(),
      },
      cwd,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/new\.sql:1: .*relation "nowhere" does not exist/);
    expect(await shadowsHolding(table)).toEqual([]);
  });
});
