import { dirname } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { withClient } from "../../src/db/index.js";
import { generateMigration } from "../../src/migration/index.js";
import type { Phase } from "../../src/plan/step.js";
import { type ApplyResult, applyPlan, type RunEvent } from "../../src/run/index.js";
import { type LatencySummary, longestStall, summariseLatency } from "./latency.js";
import { startWriters, type WriterFailure, type WriterRun } from "./writers.js";

export interface LoadRunOptions {
  /** The database to migrate, already seeded (see seedSource). */
  databaseUrl: string;
  /** A database that holds the target schema; only read. */
  targetUrl: string;
  /** The plan directory to write; its parent must exist and is the project directory (no config there). */
  planDir: string;
  downtimeAllowed: boolean;
  /** Seeded rows (keys 1..rows). */
  rows: number;
  clients: number;
  thinkMs: number;
  /** Writers run alone this long before the migration starts and after it ends. */
  settleMs: number;
  /** Executor overrides; the plan's and the executor's defaults otherwise. */
  batchSize?: number;
  throttleMs?: number;
  /** Runs just before the executor starts, under load (a test starts a blocking session here). */
  beforeApply?: () => Promise<void>;
  log?: (message: string) => void;
}

export interface StepTiming {
  id: string;
  summary: string;
  phase: Phase;
  /** The step's first statement, to name what blocked. */
  sql: string;
  /** Since the migration started. */
  startMs: number;
  ms: number;
  lockRetries: number;
  /** The executor's backup before the step (it backs up a table before a step that rewrites it). */
  backup: "pg_dump" | "copy" | null;
  /** The longest client transaction that ended during this step: the wait this step caused. */
  worstWaitMs: number;
}

export interface LoadRunResult {
  planId: string;
  downtimeAllowed: boolean;
  lockTimeoutMs: number;
  status: ApplyResult["status"];
  /** Fingerprints of the migrated database and of the plan's target. */
  fingerprint: string;
  targetFingerprint: string;
  migrationMs: number;
  steps: StepTiming[];
  /** Transactions that overlapped the migration. */
  during: LatencySummary;
  /** The longest stretch of the migration in which no client transaction completed: downtime as felt. */
  longestStallMs: number;
  /** Transactions of the writers' whole run, quiet periods included. */
  overall: LatencySummary;
  failures: WriterFailure[];
  /** The longest stall of this process's event loop, which would inflate every latency measured meanwhile. */
  eventLoopMaxMs: number;
  /** Whether the table got a new relfilenode: some step rewrote all of it under ACCESS EXCLUSIVE. */
  rewritten: boolean;
  rowsBefore: number;
  rowsAfter: number;
  /** Whether the writers were running before the migration started and after it ended. */
  writersSpanned: boolean;
}

export interface LoadRun {
  result: LoadRunResult;
  writers: WriterRun;
}

async function tableFacts(url: string): Promise<{ filenode: string; rows: number }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ filenode: string; rows: string }>(
      "SELECT pg_relation_filenode('public.events')::text AS filenode, (SELECT count(*) FROM public.events) AS rows",
    );
    return { filenode: rows[0]!.filenode, rows: Number(rows[0]!.rows) };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plans the scenario's migration (online or naive), then applies it with the executor while `clients`
 * sessions run short transactions against the table the whole time, and reports what the clients felt:
 * latency overall and per step, and every failed transaction.
 */
export async function migrateUnderLoad(options: LoadRunOptions): Promise<LoadRun> {
  const log = options.log ?? (() => {});
  const { plan, dir } = await generateMigration({
    source: options.databaseUrl,
    target: options.targetUrl,
    out: options.planDir,
    cwd: dirname(options.planDir),
    name: options.downtimeAllowed ? "naive" : "online",
    downtimeAllowed: options.downtimeAllowed,
  });
  const before = await tableFacts(options.databaseUrl);
  log(`${plan.forwardSteps.length} steps planned; starting ${options.clients} clients`);
  const writers = await startWriters({
    url: options.databaseUrl,
    clients: options.clients,
    rows: options.rows,
    thinkMs: options.thinkMs,
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const marks = new Map<
    string,
    { start: number; end: number; retries: number; backup: StepTiming["backup"] }
  >();
  const onEvent = (event: RunEvent) => {
    const now = performance.now();
    if (event.type === "step-started" && !marks.has(event.stepId)) {
      marks.set(event.stepId, { start: now, end: now, retries: 0, backup: null });
      log(`step ${event.stepId}: ${event.summary}`);
    }
    if (event.type === "step-finished") {
      const mark = marks.get(event.stepId);
      if (mark) mark.end = now;
    }
    if (event.type === "lock-retry") {
      const mark = marks.get(event.stepId);
      if (mark) mark.retries++;
    }
    if (event.type === "backup") {
      const mark = marks.get(event.stepId);
      if (mark) mark.backup = event.method;
    }
  };
  let run: WriterRun | null = null;
  let applied: ApplyResult;
  let started = 0;
  let ended = 0;
  try {
    await sleep(options.settleMs);
    await options.beforeApply?.();
    started = performance.now();
    applied = await applyPlan(dir, {
      databaseUrl: options.databaseUrl,
      onEvent,
      batchSize: options.batchSize,
      throttleMs: options.throttleMs,
    });
    ended = performance.now();
    await sleep(options.settleMs);
  } finally {
    loop.disable();
    run = await writers.stop();
  }
  const after = await tableFacts(options.databaseUrl);
  const { log: transactions } = run;
  const firstStart = transactions.starts[0] ?? Number.POSITIVE_INFINITY;
  let lastEnd = 0;
  transactions.starts.forEach((start, i) => {
    lastEnd = Math.max(lastEnd, start + transactions.latencies[i]!);
  });
  const steps: StepTiming[] = plan.forwardSteps.map((step) => {
    const mark = marks.get(step.id);
    return {
      id: step.id,
      summary: step.summary,
      phase: step.phase,
      sql: step.statements[0]?.sql ?? "",
      startMs: mark ? mark.start - started : 0,
      ms: mark ? mark.end - mark.start : 0,
      lockRetries: mark?.retries ?? 0,
      backup: mark?.backup ?? null,
      worstWaitMs: mark
        ? summariseLatency(transactions, { fromMs: mark.start, toMs: mark.end, by: "end" }).maxMs
        : 0,
    };
  });
  return {
    writers: run,
    result: {
      planId: plan.id,
      downtimeAllowed: options.downtimeAllowed,
      lockTimeoutMs: plan.options.lockTimeoutMs ?? 0,
      status: applied.status,
      fingerprint: applied.fingerprint,
      targetFingerprint: plan.target.fingerprint,
      migrationMs: ended - started,
      steps,
      during: summariseLatency(transactions, { fromMs: started, toMs: ended, by: "overlap" }),
      longestStallMs: longestStall(transactions, started, ended),
      overall: summariseLatency(transactions),
      failures: run.failures,
      eventLoopMaxMs: loop.max / 1e6,
      rewritten: after.filenode !== before.filenode,
      rowsBefore: before.rows,
      rowsAfter: after.rows,
      writersSpanned: firstStart < started && lastEnd > ended,
    },
  };
}
