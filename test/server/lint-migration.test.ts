import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { lintMigrationOutput } from "../../src/server/tools/lint-migration.js";
import { freshDatabase } from "../helpers/db.js";
import { callOk, callTool, connectClient, errorLine, projectDir } from "./client.js";

const outputSchema = z.object(lintMigrationOutput).strict();
const UNSAFE = "ALTER TABLE t ADD COLUMN c int NOT NULL;\n";

describe("lint_migration", () => {
  it("lints SQL text", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    const data = await callOk(client, "lint_migration", { sql: UNSAFE }, outputSchema);
    expect(data.files).toEqual([]);
    const finding = data.findings.find((candidate) => candidate.code === "MM101");
    expect(finding).toMatchObject({ name: "add-not-null-without-default", file: "<sql>", line: 1 });
    expect(data.counts.error + data.counts.warning + data.counts.info).toBe(data.findings.length);
  });

  it("lints a project path, reporting files relative to the project", async () => {
    const cwd = await projectDir();
    await mkdir(join(cwd, "db"));
    await writeFile(join(cwd, "db", "001.sql"), `SELECT 1;\n${UNSAFE}`);
    const client = await connectClient({ cwd });
    const data = await callOk(client, "lint_migration", { path: "db" }, outputSchema);
    expect(data.files).toEqual(["db/001.sql"]);
    expect(data.findings.find((finding) => finding.code === "MM101")).toMatchObject({
      file: "db/001.sql",
      line: 2,
    });
  });

  it("sharpens findings with a named database's catalog", async () => {
    const db = await freshDatabase("CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 10);");
    const client = await connectClient({ cwd: await projectDir({ app: db.url }) });
    const data = await callOk(client, "lint_migration", { sql: UNSAFE, database: "app" }, outputSchema);
    expect(data.findings.map((finding) => finding.code)).toContain("MM101");
  });

  it("refuses paths outside the project, files that are not .sql, and ambiguous arguments", async () => {
    const cwd = await projectDir();
    await writeFile(join(cwd, "notes.txt"), "secret words");
    const client = await connectClient({ cwd });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ path: "../../etc" }, /^USAGE: \.\.\/\.\.\/etc is outside the project/],
      [{ path: "/etc/passwd" }, /^USAGE: \/etc\/passwd is outside the project/],
      [{ path: "notes.txt" }, /^USAGE: notes\.txt is not a \.sql file/],
      [{ sql: UNSAFE, path: "db" }, /^USAGE: lint_migration takes either sql or path/],
      [{}, /^USAGE: lint_migration takes either sql or path/],
      [{ sql: UNSAFE, database: "nowhere" }, /^DATABASE_REFUSED: unknown database "nowhere"/],
    ];
    for (const [args, message] of cases) {
      const result = await callTool(client, "lint_migration", args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(errorLine(result)).toMatch(message);
      expect(errorLine(result)).not.toContain("secret");
    }
  });
});
