import type { Command } from "commander";
import { resolveDatabaseUrl } from "../db/resolve.js";
import { MigrateError } from "../errors.js";
import type { Output } from "../output.js";
import type { VerifyLevel, VerifyReport } from "../run/verify.js";

export function registerVerifyCommand(program: Command, output: () => Output): void {
  program
    .command("verify")
    .description("verify a database against a plan's target at basic, thorough or comprehensive level")
    .argument("<dir>", "plan directory")
    .option(
      "--db <url>",
      "database URL (default: MIGRATE_DATABASE_URL, DATABASE_URL, or the embedded server)",
    )
    .option(
      "--level <level>",
      "basic (schema, row counts), thorough (+ row checksums, FK orphans, validity), comprehensive",
      parseLevel,
      "basic",
    )
    .action(async (dir: string, flags: { db?: string; level: VerifyLevel }) => {
      const { failures, verifyPlan } = await import("../run/verify.js");
      const report = await verifyPlan(dir, {
        databaseUrl: await resolveDatabaseUrl(flags.db),
        level: flags.level,
      });
      output().result(report, () => renderReport(report));
      if (!report.ok) {
        throw new MigrateError(
          "VERIFY_FAILED",
          `${report.database} does not pass ${report.level} verification of plan ${report.planId}: ${failures(report)[0]}`,
        );
      }
    });
}

function parseLevel(value: string): VerifyLevel {
  if (value === "basic" || value === "thorough" || value === "comprehensive") return value;
  throw new MigrateError("USAGE", `--level ${value} is unknown; use basic, thorough or comprehensive`);
}

/** The report as Markdown, readable in a terminal and pasteable into a pull request. */
function renderReport(report: VerifyReport): string {
  const mark = (ok: boolean) => (ok ? "ok" : "FAILED");
  const lines = [
    `# Verify ${report.planId} on ${report.database} (${report.level}): ${report.ok ? "passed" : "FAILED"}`,
    "",
    "| check | result | detail |",
    "|---|---|---|",
    ...[report.schema, ...report.checks].map((c) => `| ${c.name} | ${mark(c.ok)} | ${c.detail} |`),
    "",
    `| table | rows |${report.level === "thorough" ? " checksum |" : ""}`,
    `|---|---|${report.level === "thorough" ? "---|" : ""}`,
    ...report.tables.map(
      (t) => `| ${t.table} | ${t.rows} |${report.level === "thorough" ? ` ${t.checksum} |` : ""}`,
    ),
  ];
  return lines.join("\n");
}
