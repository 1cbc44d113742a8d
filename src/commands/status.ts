import type { Command } from "commander";
import { resolveDatabaseUrl } from "../db/resolve.js";
import type { Output } from "../output.js";
import type { StatusReport } from "../run/status.js";

export function registerStatusCommand(program: Command, output: () => Output): void {
  program
    .command("status")
    .description("show migration history, the current step, progress, the lock holder and drift")
    .argument("[dir]", "plan directory: show that plan's steps and check drift against its journal")
    .option(
      "--db <url>",
      "database URL (default: MIGRATE_DATABASE_URL, DATABASE_URL, or the embedded server)",
    )
    .action(async (dir: string | undefined, flags: { db?: string }) => {
      const { planStatus } = await import("../run/status.js");
      const report = await planStatus(await resolveDatabaseUrl(flags.db), dir);
      output().result(report, () => renderStatus(report));
    });
}

function renderStatus(report: StatusReport): string {
  const lines = [`database ${report.database}`];
  if (report.journalVersion === null) lines.push("no migrate-mcp journal yet (nothing applied here)");
  const holder = report.lockHolder;
  lines.push(
    holder
      ? `runner lock held by pid ${holder.pid} (${holder.applicationName || "unknown"}, connected ${holder.backendStart})`
      : "no runner is active",
  );
  const plan = report.plan;
  if (plan) {
    lines.push(
      `plan ${plan.id}: ${plan.state}, ${plan.done}/${plan.total} steps done${plan.current ? `, at step ${plan.current}` : ""}`,
    );
    for (const step of [...plan.steps, ...plan.rollback.map((s) => ({ ...s, id: `rollback ${s.id}` }))]) {
      const rows =
        step.rowsTotal === null ? "" : ` ${step.rowsDone}/${step.rowsTotal} rows (${step.percent}%)`;
      const error = step.error ? ` — ${step.error}` : "";
      lines.push(`  ${step.id} ${step.status.padEnd(11)} ${step.summary}${rows}${error}`);
    }
  }
  lines.push(
    `drift: ${report.drift.checked ? (report.drift.drifted ? "DRIFTED — " : "none — ") : ""}${report.drift.detail}`,
  );
  if (report.history.length > 0) {
    lines.push("history:");
    for (const run of report.history) {
      lines.push(
        `  #${run.id} ${run.startedAt} ${run.operation} ${run.planId} ${run.status} by ${run.runBy}@${run.clientHost ?? "?"}${run.error ? ` — ${run.error}` : ""}`,
      );
    }
  }
  return lines.join("\n");
}
