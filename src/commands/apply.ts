import type { Command } from "commander";
import { resolveDatabaseUrl } from "../db/resolve.js";
import { MigrateError } from "../errors.js";
import type { Output } from "../output.js";
import type { ApplyResult, RollbackStrategy } from "../run/apply.js";
import type { BackupMethod } from "../run/backup.js";
import type { RunnerOptions } from "../run/context.js";
import type { EventSink } from "../run/events.js";
import type { StepReport } from "../run/run-steps.js";

interface RunnerFlags {
  db?: string;
  lockWait: number;
  backup: BackupMethod;
}

interface ApplyFlags extends RunnerFlags {
  to?: string;
  step?: string;
  pauseAt?: number;
  rollbackStrategy: RollbackStrategy;
  requireRehearsal: boolean;
  batchSize?: number;
  throttle?: number;
}

export function registerApplyCommand(program: Command, output: () => Output): void {
  const command = program
    .command("apply")
    .description("apply a plan to a database through the journal, step by step, resumably")
    .argument("<dir>", "plan directory written by `migrate-mcp generate`")
    .option("--to <step>", "stop after this step")
    .option("--step <step>", "run only this step (the steps before it must be done)")
    .option("--pause-at <percent>", "pause each backfill at this share of its rows, e.g. 5%", parsePercent)
    .option(
      "--rollback-strategy <strategy>",
      "on a failed step: automatic (roll back at once), manual (stop, print the commands), none (stop)",
      parseStrategy,
      "manual",
    )
    .option(
      "--require-rehearsal",
      "refuse unless `migrate-mcp rehearse` passed for exactly these steps",
      false,
    )
    .option("--batch-size <rows>", "backfill rows per batch (default: the plan's)", parsePositive)
    .option("--throttle <ms>", "pause between backfill batches (default 100)", parseNonNegative);
  addRunnerOptions(command).action(async (dir: string, flags: ApplyFlags) => {
    const { applyPlan } = await import("../run/apply.js");
    const result = await withProgress(output(), async (onEvent) =>
      applyPlan(dir, {
        ...(await runnerOptions(flags, onEvent)),
        to: flags.to,
        step: flags.step,
        pauseAt: flags.pauseAt === undefined ? null : flags.pauseAt / 100,
        rollbackStrategy: flags.rollbackStrategy,
        requireRehearsal: flags.requireRehearsal,
        batchSize: flags.batchSize,
        throttleMs: flags.throttle,
      }),
    );
    output().result(result, () => renderApply(result));
  });
}

/** --db, --lock-wait and --backup, shared by apply and rollback. */
export function addRunnerOptions(command: Command): Command {
  return command
    .option(
      "--db <url>",
      "database URL (default: MIGRATE_DATABASE_URL, DATABASE_URL, or the embedded server)",
    )
    .option(
      "--lock-wait <seconds>",
      "how long to wait for another runner before giving up",
      parseSeconds,
      30_000,
    )
    .option(
      "--backup <method>",
      "backups before destructive steps: auto (pg_dump when it matches the server, else copy), pg_dump, copy",
      parseBackup,
      "auto",
    );
}

export async function runnerOptions(flags: RunnerFlags, onEvent: EventSink): Promise<RunnerOptions> {
  return {
    databaseUrl: await resolveDatabaseUrl(flags.db),
    lockWaitMs: flags.lockWait,
    backupMethod: flags.backup,
    onEvent,
    signal: interruptSignal(),
  };
}

/**
 * The first Ctrl-C stops the run at its next safe boundary (the journal then says where, and the same
 * command resumes); the listener is gone after it, so a second Ctrl-C ends the process at once as usual.
 */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  return controller.signal;
}

/** Progress on stderr while `run` works (bars on a terminal), unless the output is JSON or quiet. */
export async function withProgress<T>(output: Output, run: (onEvent: EventSink) => Promise<T>): Promise<T> {
  if (output.options.json || output.options.quiet) return run(() => {});
  const { terminalProgress } = await import("../run/progress-bars.js");
  const bars = terminalProgress((message) => output.info(message));
  try {
    return await run(bars.sink);
  } finally {
    bars.stop();
  }
}

export function renderSteps(steps: StepReport[]): string[] {
  return steps.map((step) => {
    const rows = step.rows === null ? "" : `, ${step.rows} rows`;
    const how = step.outcome === "skipped" ? "already done" : `${step.outcome} in ${step.ms} ms${rows}`;
    return `  ${step.id} ${step.summary}: ${how}`;
  });
}

function renderApply(result: ApplyResult): string {
  const lines = [...result.warnings.map((w) => `warning: ${w}`), ...renderSteps(result.steps)];
  for (const backup of result.backups) {
    lines.push(`  backup before step ${backup.stepId}: ${backup.location} (${backup.method})`);
  }
  const headline: Record<ApplyResult["status"], string> = {
    applied: `applied plan ${result.planId} to ${result.database}; the schema is the plan's target`,
    partial: `applied plan ${result.planId} to ${result.database} up to step ${result.steps.at(-1)?.id}`,
    paused: `paused plan ${result.planId} at ${result.paused?.percent}% of step ${result.paused?.stepId}; verify, then run apply again to continue`,
    "already-applied": `plan ${result.planId} is already applied to ${result.database}`,
  };
  lines.push(headline[result.status]);
  return lines.join("\n");
}

function parsePercent(value: string): number {
  const percent = Number(value.replace(/%$/, ""));
  if (!Number.isFinite(percent) || percent <= 0 || percent >= 100) {
    throw new MigrateError(
      "USAGE",
      `--pause-at ${value} is not a percentage; give one between 0 and 100, e.g. 5%`,
    );
  }
  return percent;
}

function parseStrategy(value: string): RollbackStrategy {
  if (value === "automatic" || value === "manual" || value === "none") return value;
  throw new MigrateError("USAGE", `--rollback-strategy ${value} is unknown; use automatic, manual or none`);
}

function parseBackup(value: string): BackupMethod {
  if (value === "auto" || value === "pg_dump" || value === "copy") return value;
  throw new MigrateError("USAGE", `--backup ${value} is unknown; use auto, pg_dump or copy`);
}

function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new MigrateError("USAGE", `${value} is not a positive whole number; give e.g. 5000`);
  }
  return number;
}

function parseNonNegative(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new MigrateError("USAGE", `${value} is not a whole number of milliseconds; give e.g. 100`);
  }
  return number;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new MigrateError("USAGE", `--lock-wait ${value} is not a number of seconds; give e.g. 30`);
  }
  return Math.round(seconds * 1000);
}
