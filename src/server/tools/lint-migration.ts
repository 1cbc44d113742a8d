import { stat } from "node:fs/promises";
import { relative } from "node:path";
import { z } from "zod";
import { MigrateError } from "../../errors.js";
import { type LintFinding, lintPath, lintSql } from "../../lint/index.js";
import { insideProject } from "../project-path.js";
import { defineTool } from "../tool.js";

export const lintMigrationInput = {
  sql: z.string().min(1).max(1_000_000).optional().describe("Migration SQL to lint (give this or path)"),
  path: z
    .string()
    .min(1)
    .optional()
    .describe("A .sql file or a directory of .sql files, relative to the project (give this or sql)"),
  database: z
    .string()
    .min(1)
    .optional()
    .describe(
      "A database name (migrate.config.yaml or default) whose catalog sharpens findings: table sizes, column types, function volatility; read-only",
    ),
};

const severity = z.enum(["error", "warning", "info"]);

export const lintMigrationOutput = {
  files: z.array(z.string()).describe("The files linted, relative to the project; empty for sql text"),
  findings: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      severity,
      message: z.string(),
      rewrite: z.string(),
      file: z.string(),
      line: z.number().int(),
      column: z.number().int(),
      statement: z.string(),
    }),
  ),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
};

export const lintMigrationTool = defineTool({
  name: "lint_migration",
  title: "Lint migration SQL",
  description:
    "Lint migration SQL for locking and data-loss hazards through the PostgreSQL parser: each finding has a " +
    "stable code (docs/hazards.md), severity, the statement's line and column, and the safe rewrite. Give " +
    "`sql` text or a project `path`; name a `database` to judge table sizes and casts from its catalog.",
  input: lintMigrationInput,
  output: lintMigrationOutput,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ sql, path, database }, context) {
    if ((sql === undefined) === (path === undefined)) {
      throw new MigrateError(
        "USAGE",
        "lint_migration takes either sql or path, not both or neither; pass one",
      );
    }
    const databaseUrl = database === undefined ? undefined : await context.database(database);
    let files: string[] = [];
    let findings: LintFinding[];
    if (sql !== undefined) {
      findings = await lintSql(sql, { fileName: "<sql>", databaseUrl });
    } else {
      const report = await lintPath(await projectPath(context.cwd, path!), { databaseUrl });
      files = report.files.map((file) => relative(context.cwd, file));
      findings = report.findings.map((finding) => ({
        ...finding,
        file: relative(context.cwd, finding.file),
      }));
    }
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) counts[finding.severity]++;
    const where = path ?? "the SQL";
    return {
      data: { files, findings, counts },
      summary:
        findings.length === 0
          ? `no hazards found in ${where}`
          : `${counts.error} error, ${counts.warning} warning, ${counts.info} info findings in ${where}`,
    };
  },
});

/** A project path to lint; a file must be .sql, or the linter's parse errors would quote any file. */
async function projectPath(cwd: string, path: string): Promise<string> {
  const absolute = insideProject(cwd, path);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isFile() && !absolute.endsWith(".sql")) {
    throw new MigrateError("USAGE", `${path} is not a .sql file; pass a .sql file, a directory, or sql`);
  }
  return absolute;
}
