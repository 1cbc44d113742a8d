import type { Command } from "commander";
import { MigrateError } from "../errors.js";
import type { LintReport } from "../lint/index.js";
import type { Output } from "../output.js";

export function registerLintCommand(program: Command, output: () => Output): void {
  program
    .command("lint")
    .description("lint hand-written migration SQL for locking and data-loss hazards")
    .argument("<path>", "a .sql file, or a directory of .sql files (each linted as its own migration)")
    .option(
      "--db <url>",
      "sharpen findings with this database's catalog, read-only: table sizes, column types, function volatility",
    )
    .action(async (path: string, options: { db?: string }) => {
      const { lintPath } = await import("../lint/index.js");
      const report = await lintPath(path, { databaseUrl: options.db });
      output().result(report, () => renderReport(report));
      if (report.counts.error > 0) {
        throw new MigrateError(
          "LINT_FAILED",
          `${plural(report.counts.error, "error-level hazard")} in ${path}; apply the suggested rewrites and lint again`,
        );
      }
    });
}

function renderReport(report: LintReport): string {
  const lines = report.findings.map(
    (finding) =>
      `${finding.file}:${finding.line}:${finding.column} ${finding.code} ${finding.name}: ${finding.message} — rewrite: ${finding.rewrite}`,
  );
  const { error, warning, info } = report.counts;
  const files = plural(report.files.length, "file");
  lines.push(
    report.findings.length === 0
      ? `no hazards found in ${files}`
      : `${plural(error, "error")}, ${plural(warning, "warning")}, ${info} info in ${files}`,
  );
  return lines.join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
