import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LintReport } from "../../src/lint/index.js";
import { runCli } from "../helpers/cli.js";
import { freshDatabase } from "../helpers/db.js";

const TIMEOUTS = "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\n";

describe("migrate-mcp lint", () => {
  const root = mkdtempSync(join(tmpdir(), "mm-lint-cli-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = (name: string, sql: string) => {
    const path = join(root, name);
    writeFileSync(path, sql);
    return path;
  };

  it("prints one line per finding and a summary, and exits 1 on an error-level hazard", async () => {
    const path = file("index.sql", `${TIMEOUTS}CREATE INDEX users_email_idx ON users (email);\n`);
    const result = await runCli(["lint", path]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toEqual([
      `${path}:3:1 MM201 create-index-non-concurrently: builds index users_email_idx on users without CONCURRENTLY — rewrite: CREATE INDEX CONCURRENTLY outside a transaction; afterwards check pg_index.indisvalid and rebuild an INVALID index`,
      "1 error, 0 warnings, 0 info in 1 file",
    ]);
    expect(result.stderr).toBe(
      `error: 1 error-level hazard in ${path}; apply the suggested rewrites and lint again\n`,
    );
  });

  it("exits 0 when there are only warnings, or nothing at all", async () => {
    const warnings = await runCli([
      "lint",
      file("rls.sql", `${TIMEOUTS}ALTER TABLE docs ENABLE ROW LEVEL SECURITY;\n`),
    ]);
    expect(warnings.code).toBe(0);
    expect(warnings.stdout).toContain("MM608 enable-row-level-security");
    expect(warnings.stdout.trim().split("\n").at(-1)).toBe("0 errors, 1 warning, 0 info in 1 file");
    const clean = await runCli([
      "lint",
      file("clean.sql", "CREATE INDEX CONCURRENTLY i ON users (email);\n"),
    ]);
    expect(clean).toEqual({ code: 0, stdout: "no hazards found in 1 file\n", stderr: "" });
  });

  it("prints the report as data with --json", async () => {
    const path = file("drop.sql", `${TIMEOUTS}ALTER TABLE users DROP COLUMN legacy;\n`);
    const result = await runCli(["--json", "lint", path]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as LintReport;
    expect(report.files).toEqual([path]);
    expect(report.counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(report.findings[0]).toMatchObject({ code: "MM301", name: "drop-column", line: 3, column: 1 });
  });

  it("lints the whole corpus directory and fails", async () => {
    const result = await runCli(["--json", "lint", join(import.meta.dirname, "corpus")]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as LintReport;
    expect(report.files.length).toBeGreaterThanOrEqual(45);
    expect(report.files).toEqual([...report.files].sort());
  });

  it("sharpens findings with --db", async () => {
    const db = await freshDatabase(
      "CREATE TABLE users (id int, email text); INSERT INTO users SELECT g, 'e' || g FROM generate_series(1, 10) g; ANALYZE users;",
    );
    const path = file("db.sql", `${TIMEOUTS}CREATE INDEX users_email_idx ON users (email);\n`);
    const result = await runCli(["lint", path, "--db", db.url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("users is small (~10 rows");
    expect(result.stdout).toContain("0 errors, 1 warning, 0 info in 1 file");
  });

  it("explains a bad path in one line and exits 2", async () => {
    const missing = join(root, "missing.sql");
    const result = await runCli(["lint", missing]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `error: ${missing} does not exist; pass a .sql file or a directory of .sql files\n`,
    );
  });
});
