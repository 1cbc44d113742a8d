import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withClient, withDatabase } from "../../src/db/index.js";
import { runCli } from "../helpers/cli.js";

// A private embedded server in its own MIGRATE_HOME, driven through the CLI in separate processes,
// exactly as two terminals would.
describe("embedded server", () => {
  const home = mkdtempSync(join(tmpdir(), "mm-home-"));
  // mkdtemp makes a private (0700) directory, which as root also exercises the fallback location the
  // postgres system user can enter.
  const env = { MIGRATE_HOME: home, MIGRATE_DATABASE_URL: "", DATABASE_URL: "" };
  let url = "";
  let dataDir = "";

  beforeAll(async () => {
    const started = await runCli(["--json", "db", "start"], env);
    expect(started.stderr).toBe("");
    expect(started.code).toBe(0);
    ({ url, dataDir } = JSON.parse(started.stdout) as { url: string; dataDir: string });
  });

  afterAll(async () => {
    await runCli(["db", "stop"], env);
    rmSync(home, { recursive: true, force: true });
    // …/pg/data: remove the server directory's parent too when it was the fallback under the temp directory.
    const serverRoot = dirname(dirname(dataDir));
    if (serverRoot.startsWith(join(tmpdir(), "migrate-mcp-")))
      rmSync(serverRoot, { recursive: true, force: true });
  });

  it("is found by another process", async () => {
    const status = await runCli(["--json", "db", "status"], env);
    expect(status.code).toBe(0);
    const info = JSON.parse(status.stdout) as { url: string; version: string; pid: number };
    expect(info.url).toBe(url);
    expect(info.version).toMatch(/^\d+\.\d+/);
    const again = await runCli(["--json", "db", "start"], env);
    expect((JSON.parse(again.stdout) as { pid: number }).pid).toBe(info.pid);
  });

  it("serves real SQL", async () => {
    const answer = await withClient(
      url,
      async (client) => (await client.query("SELECT 40 + 2 AS n")).rows[0],
    );
    expect(answer).toEqual({ n: 42 });
  });

  it("rejects a wrong password in one line without printing it", async () => {
    await withClient(url, (client) => client.query("CREATE ROLE mm_pw_user LOGIN PASSWORD 'right-one'"));
    const good = new URL(withDatabase(url, "postgres"));
    good.username = "mm_pw_user";
    good.password = "right-one";
    expect((await runCli(["db", "check", "--db", good.toString()])).code).toBe(0);
    good.password = "wrong-secret";
    const result = await runCli(["db", "check", "--db", good.toString()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*rejected the login of mm_pw_user.*check the user and password/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr + result.stdout).not.toContain("wrong-secret");
  });

  it("stops, and status then says so", async () => {
    const stopped = await runCli(["--json", "db", "stop"], env);
    expect(JSON.parse(stopped.stdout)).toEqual({ stopped: true });
    const status = await runCli(["--json", "db", "status"], env);
    expect(JSON.parse(status.stdout)).toEqual({ running: false });
  });
});
