import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { connect, quoteIdent, withClient, withDatabase } from "../../src/db/index.js";
import { MigrateError } from "../../src/errors.js";
import { freshDatabase, serverUrl } from "../helpers/db.js";

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 1;
      server.close(() => resolve(port));
    });
  });
}

async function connectError(url: string): Promise<MigrateError> {
  const error = await connect(url).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrateError);
  return error as MigrateError;
}

describe("connections", () => {
  it("reports an unreachable server in one line with the fix", async () => {
    const port = await closedPort();
    const error = await connectError(`postgres://u:topsecret@127.0.0.1:${port}/x`);
    expect(error.code).toBe("CONNECTION_REFUSED");
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain("topsecret");
    expect(error.message).not.toContain("\n");
    expect(error.exitCode).toBe(2);
  });

  it("reports a database that does not exist", async () => {
    const error = await connectError(withDatabase(serverUrl(), "mm_no_such_db_here"));
    expect(error.code).toBe("DATABASE_NOT_FOUND");
    expect(error.message).toContain('database "mm_no_such_db_here" does not exist');
  });

  it("reports malformed URLs", async () => {
    expect((await connectError("not a url")).code).toBe("BAD_URL");
    expect((await connectError("mysql://root@127.0.0.1/x")).code).toBe("BAD_URL");
  });

  it("opens read-only sessions when asked", async () => {
    const db = await freshDatabase("CREATE TABLE t (id int)");
    const attempt = withClient(db.url, (client) => client.query("INSERT INTO t VALUES (1)"), {
      readOnly: true,
    });
    await expect(attempt).rejects.toThrow(/read-only transaction/);
  });

  it("names the application in pg_stat_activity", async () => {
    const db = await freshDatabase();
    const name = await withClient(
      db.url,
      async (client) => {
        const { rows } = await client.query<{ a: string }>("SELECT current_setting('application_name') AS a");
        return rows[0]?.a;
      },
      { applicationName: "mm-test-app" },
    );
    expect(name).toBe("mm-test-app");
    expect(quoteIdent(db.name)).toBe(db.name);
  });
});
