import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it, onTestFinished } from "vitest";
import { quoteIdent, withClient } from "../../src/db/index.js";
import { spawnCli } from "../helpers/cli.js";
import { serverUrl } from "../helpers/db.js";
import { tempDir } from "./helpers.js";

// A signal during a command that holds a shadow database (here `analyze`, loading a source that sleeps)
// must drop the shadow before the process ends: Ctrl-C, or an MCP client stopping its server, would
// otherwise leave a database on the user's server.

/** The database whose backend runs a query containing `marker`, once the CLI's load has reached it. */
async function databaseRunning(marker: string, ended: () => boolean): Promise<string> {
  for (let tries = 0; tries < 300 && !ended(); tries++) {
    const found = await withClient(serverUrl(), async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_stat_activity WHERE strpos(query, $1) > 0 AND pid <> pg_backend_pid()",
        [marker],
      );
      return rows[0]?.datname;
    });
    if (found !== undefined) return found;
    await delay(100);
  }
  throw new Error(`no backend ran ${marker} before the CLI ended`);
}

async function databaseExists(name: string): Promise<boolean> {
  return withClient(serverUrl(), async (client) => {
    const { rows } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rows.length > 0;
  });
}

describe("a signal during a shadow load", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s drops the shadow database and exits %i", async (signal, code) => {
    const marker = `mm_interrupt_${randomBytes(4).toString("hex")}`;
    const cwd = await tempDir({
      "old.sql": `CREATE TABLE a (id int);\nSELECT pg_sleep(60) AS ${marker};\n`,
      "new.sql": "CREATE TABLE a (id int, b text);\n",
    });
    const run = spawnCli(
      ["analyze", "--source", "old.sql", "--target", "new.sql", "--shadow", serverUrl()],
      {},
      cwd,
    );
    let ended = false;
    void run.exit.then(() => {
      ended = true;
    });
    onTestFinished(() => {
      if (!ended) run.child.kill("SIGKILL");
    });
    const shadow = await databaseRunning(marker, () => ended);
    onTestFinished(async () => {
      await withClient(serverUrl(), (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(shadow)} WITH (FORCE)`),
      );
    });
    expect(shadow).toMatch(/^migrate_mcp_shadow_[0-9a-f]{12}$/);
    const started = Date.now();
    run.child.kill(signal);
    const result = await run.exit;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.signal, result.stderr).toBeNull();
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).toContain(`${signal}: dropped shadow database ${shadow}`);
    expect(await databaseExists(shadow)).toBe(false);
  });
});
