import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/index.js";
import { runCli } from "../helpers/cli.js";
import { serverUrl } from "../helpers/db.js";

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 1;
      server.close(() => resolve(port));
    });
  });
}

function expectOneLineError(result: { code: number; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe("CLI errors", () => {
  it("unreachable host", async () => {
    const port = await closedPort();
    const result = await runCli(["db", "check", "--db", `postgres://me:pa55word@127.0.0.1:${port}/app`]);
    expectOneLineError(result, /^error: cannot reach PostgreSQL at 127\.0\.0\.1:\d+ .*start the server/);
    expect(result.stderr).not.toContain("pa55word");
  });

  it("database that does not exist", async () => {
    const result = await runCli(["db", "check", "--db", withDatabase(serverUrl(), "mm_missing_db")]);
    expectOneLineError(result, /^error: database "mm_missing_db" does not exist .*create it/);
  });

  it("malformed URL", async () => {
    const result = await runCli(["db", "check", "--db", "postgres//nope:secret-pw@"]);
    expectOneLineError(result, /^error: .* is not a database URL; use postgres:\/\//);
    expect(result.stderr).not.toContain("secret-pw");
  });

  it("unknown command is a usage error", async () => {
    const result = await runCli(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command");
  });

  it("--help lists every command with a summary", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of [
      "db",
      "demo",
      "analyze",
      "generate",
      "lint",
      "rehearse",
      "apply",
      "verify",
      "rollback",
      "status",
      "serve",
    ]) {
      expect(result.stdout).toMatch(new RegExp(`\\n  ${command}\\b[^\\n]*\\w`));
    }
  });

  it("--debug adds a stack trace", async () => {
    const result = await runCli(["--debug", "db", "check", "--db", "not-a-url"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("at ");
  });
});
