import { seconds } from "../lib/timing.js";
import type { ZeroDowntimeBenchResult } from "./index.js";
import type { LoadRunResult, StepTiming } from "./migrate-under-load.js";

/** Issue 4's target: the online plan never stalls a client for a second or more. */
export const ONLINE_MAX_LATENCY_MS = 1000;

function ratio(naive: number, online: number): string {
  return online > 0 ? `${(naive / online).toFixed(1)}×` : "n/a";
}

function row(cells: string[], widths: number[]): string {
  return `  ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 10)).join(" ")}`.trimEnd();
}

function worstStep(run: LoadRunResult): StepTiming | null {
  return run.steps.reduce<StepTiming | null>((a, b) => (a && a.worstWaitMs >= b.worstWaitMs ? a : b), null);
}

function clip(sql: string, width: number): string {
  return sql.length > width ? `${sql.slice(0, width - 1)}…` : sql;
}

function stepLines(label: string, run: LoadRunResult): string[] {
  const lines = [
    `${label}: ${run.steps.length} steps; worst = longest client wait that ended during the step`,
  ];
  const widths = [5, 9, 9, 9, 8, 7];
  lines.push(row(["step", "phase", "took", "worst", "retries", "backup", "statement"], widths));
  for (const step of run.steps) {
    lines.push(
      row(
        [
          step.id,
          step.phase,
          seconds(step.ms),
          seconds(step.worstWaitMs),
          String(step.lockRetries),
          step.backup ?? "",
          clip(step.sql, 60),
        ],
        widths,
      ),
    );
  }
  return lines;
}

export function renderZeroDowntimeReport(result: ZeroDowntimeBenchResult): string {
  const { naive, online, machine } = result;
  const widths = [22, 13, 13, 14];
  const failed = (run: LoadRunResult) => String(run.failures.length);
  const compare = (label: string, pick: (run: LoadRunResult) => number) =>
    row([label, seconds(pick(naive)), seconds(pick(online)), ratio(pick(naive), pick(online))], widths);
  const worst = worstStep(online);
  const met = online.overall.maxMs < ONLINE_MAX_LATENCY_MS && online.failures.length === 0;
  const batches = `batch ${result.batchSize ?? "plan default"}, throttle ${result.throttleMs === null ? "default" : `${result.throttleMs} ms`}`;
  const lines = [
    `Zero downtime under load: the same migration on ${result.rows.toLocaleString("en")} rows, naive plan vs online plan`,
    `  server   PostgreSQL ${result.server.version} (${result.server.label}); ${machine.cpus} CPUs, load average ${machine.loadAverage.map((l) => l.toFixed(1)).join(" ")}`,
    `  load     ${result.clients} clients, single-row INSERT / UPDATE / SELECT by key, ${result.thinkMs} ms apart, no statement or lock timeout`,
    `  seeded   in ${seconds(result.seedMs)}; backfills: ${batches}`,
    "",
    row(["", "naive", "online", "naive / online"], widths),
    compare("max client latency", (run) => run.overall.maxMs),
    compare("p99 during migration", (run) => run.during.p99Ms),
    compare("p50 during migration", (run) => run.during.p50Ms),
    compare("longest stall", (run) => run.longestStallMs),
    compare("migration wall time", (run) => run.migrationMs),
    row(["transactions", String(naive.during.transactions), String(online.during.transactions)], widths),
    row(["failed transactions", failed(naive), failed(online)], widths),
    row(["table rewritten", naive.rewritten ? "yes" : "no", online.rewritten ? "yes" : "no"], widths),
    row(
      [
        "reached the target",
        String(naive.fingerprint === naive.targetFingerprint),
        String(online.fingerprint === online.targetFingerprint),
      ],
      widths,
    ),
    `  target: online max client latency < 1 s and no failed transaction: ${met ? "met" : "MISSED"}` +
      (worst
        ? ` (online worst wait ${seconds(worst.worstWaitMs)} in step ${worst.id}, ${worst.summary})`
        : ""),
    "  longest stall: the longest stretch of the migration in which no client transaction completed",
    `  event loop of the bench process stalled at most ${seconds(naive.eventLoopMaxMs)} (naive) / ${seconds(online.eventLoopMaxMs)} (online)`,
    "",
    ...stepLines("naive plan", naive),
    "",
    ...stepLines("online plan", online),
    "",
    `total ${seconds(result.totalMs)}`,
  ];
  return lines.join("\n");
}
