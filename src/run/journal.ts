import { hostname, userInfo } from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";
import type { SchemaModel } from "../catalog/model.js";
import type { DbClient } from "../db/connect.js";
import { redact } from "../db/redact.js";
import { MigrateError } from "../errors.js";
import type { Step } from "../plan/step.js";
import { journalVersion } from "./journal-schema.js";

export type Direction = "forward" | "rollback";
export type StepStatus = "pending" | "running" | "paused" | "done" | "failed" | "rolled_back";
export type RunOperation = "apply" | "rollback" | "verify";
export type RunStatus = "running" | "succeeded" | "failed" | "paused" | "interrupted";

/** One step's row in migrate_mcp.steps. */
export interface StepRow {
  planId: string;
  direction: Direction;
  stepId: string;
  position: number;
  summary: string;
  sha256: string;
  /** The step itself, for rollback steps computed at rollback time (forward steps live in plan.yaml). */
  definition: Step | null;
  status: StepStatus;
  attempts: number;
  runId: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  rowsDone: number;
  rowsTotal: number | null;
  /** The last key a backfill committed, as text values in key order. */
  checkpoint: string[] | null;
  statementsDone: number;
  lockRetries: number;
  lockWaitMs: number;
  /** The schema fingerprint recorded after the step; null until recorded. */
  fingerprintAfter: string | null;
  error: string | null;
}

export interface BackupRecord {
  stepId: string;
  method: "pg_dump" | "copy";
  /** A file path (pg_dump) or a list of migrate_mcp_backup tables (copy). */
  location: string;
  tables: string[];
  createdAt: string;
}

/** One row of migrate_mcp.history: one apply, rollback or verify run. */
export interface RunRow {
  id: number;
  planId: string;
  planName: string;
  operation: RunOperation;
  status: RunStatus;
  scriptHashes: Record<string, string>;
  sourceFingerprint: string;
  targetFingerprint: string;
  startFingerprint: string | null;
  goalFingerprint: string | null;
  endFingerprint: string | null;
  runBy: string;
  osUser: string | null;
  clientHost: string | null;
  clientPid: number | null;
  applicationName: string | null;
  options: Record<string, unknown>;
  validation: unknown;
  backups: BackupRecord[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface NewRun {
  planId: string;
  planName: string;
  operation: RunOperation;
  scriptHashes: Record<string, string>;
  sourceFingerprint: string;
  targetFingerprint: string;
  startFingerprint: string | null;
  goalFingerprint: string | null;
  options: Record<string, unknown>;
}

const STEP_COLUMNS = `plan_id, direction, step_id, position, summary, sha256, definition, status, attempts, run_id,
  started_at, finished_at, rows_done, rows_total, checkpoint, statements_done, lock_retries, lock_wait_ms,
  fingerprint_after, error`;

interface RawStepRow {
  plan_id: string;
  direction: Direction;
  step_id: string;
  position: number;
  summary: string;
  sha256: string;
  definition: Step | null;
  status: StepStatus;
  attempts: number;
  run_id: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  rows_done: string;
  rows_total: string | null;
  checkpoint: string[] | null;
  statements_done: number;
  lock_retries: number;
  lock_wait_ms: string;
  fingerprint_after: string | null;
  error: string | null;
}

function toStepRow(row: RawStepRow): StepRow {
  return {
    planId: row.plan_id,
    direction: row.direction,
    stepId: row.step_id,
    position: row.position,
    summary: row.summary,
    sha256: row.sha256,
    definition: row.definition,
    status: row.status,
    attempts: row.attempts,
    runId: row.run_id === null ? null : Number(row.run_id),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    rowsDone: Number(row.rows_done),
    rowsTotal: row.rows_total === null ? null : Number(row.rows_total),
    checkpoint: row.checkpoint,
    statementsDone: row.statements_done,
    lockRetries: row.lock_retries,
    lockWaitMs: Number(row.lock_wait_ms),
    fingerprintAfter: row.fingerprint_after,
    error: row.error,
  };
}

interface RawRunRow {
  id: string;
  plan_id: string;
  plan_name: string;
  operation: RunOperation;
  status: RunStatus;
  script_hashes: Record<string, string>;
  source_fingerprint: string;
  target_fingerprint: string;
  start_fingerprint: string | null;
  goal_fingerprint: string | null;
  end_fingerprint: string | null;
  run_by: string;
  os_user: string | null;
  client_host: string | null;
  client_pid: number | null;
  application_name: string | null;
  options: Record<string, unknown>;
  validation: unknown;
  backups: BackupRecord[];
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}

function toRunRow(row: RawRunRow): RunRow {
  return {
    id: Number(row.id),
    planId: row.plan_id,
    planName: row.plan_name,
    operation: row.operation,
    status: row.status,
    scriptHashes: row.script_hashes,
    sourceFingerprint: row.source_fingerprint,
    targetFingerprint: row.target_fingerprint,
    startFingerprint: row.start_fingerprint,
    goalFingerprint: row.goal_fingerprint,
    endFingerprint: row.end_fingerprint,
    runBy: row.run_by,
    osUser: row.os_user,
    clientHost: row.client_host,
    clientPid: row.client_pid,
    applicationName: row.application_name,
    options: row.options,
    validation: row.validation,
    backups: row.backups,
    error: row.error,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

const RUN_COLUMNS = `id, plan_id, plan_name, operation, status, script_hashes, source_fingerprint, target_fingerprint,
  start_fingerprint, goal_fingerprint, end_fingerprint, run_by, os_user, client_host, client_pid, application_name,
  options, validation, backups, error, started_at, finished_at`;

/** What the journal knows about one plan. */
export interface PlanJournal {
  runs: RunRow[];
  forward: StepRow[];
  rollback: StepRow[];
}

/** Reads a plan's journal without writing anything; an absent journal reads as empty. */
export async function readPlanJournal(client: DbClient, planId: string): Promise<PlanJournal> {
  if ((await journalVersion(client)) === null) return { runs: [], forward: [], rollback: [] };
  const runs = await client.query<RawRunRow>(
    `SELECT ${RUN_COLUMNS} FROM migrate_mcp.history WHERE plan_id = $1 ORDER BY id`,
    [planId],
  );
  const steps = await client.query<RawStepRow>(
    `SELECT ${STEP_COLUMNS} FROM migrate_mcp.steps WHERE plan_id = $1 ORDER BY direction, position`,
    [planId],
  );
  const rows = steps.rows.map(toStepRow);
  return {
    runs: runs.rows.map(toRunRow),
    forward: rows.filter((row) => row.direction === "forward"),
    rollback: rows.filter((row) => row.direction === "rollback"),
  };
}

/** The most recent runs of every plan, newest first; empty without a journal. */
export async function recentRuns(client: DbClient, limit: number): Promise<RunRow[]> {
  if ((await journalVersion(client)) === null) return [];
  const { rows } = await client.query<RawRunRow>(
    `SELECT ${RUN_COLUMNS} FROM migrate_mcp.history ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map(toRunRow);
}

/** Steps of a plan in one direction, in order. */
export async function readSteps(client: DbClient, planId: string, direction: Direction): Promise<StepRow[]> {
  const { rows } = await client.query<RawStepRow>(
    `SELECT ${STEP_COLUMNS} FROM migrate_mcp.steps WHERE plan_id = $1 AND direction = $2 ORDER BY position`,
    [planId, direction],
  );
  return rows.map(toStepRow);
}

/**
 * Writes to the journal for one plan. Every method is one statement, so callers decide what commits with
 * what: step completion commits together with the step's own SQL.
 */
export class Journal {
  constructor(
    readonly client: DbClient,
    readonly planId: string,
  ) {}

  async startRun(run: NewRun): Promise<number> {
    const { rows } = await this.client.query<{ id: string }>(
      `INSERT INTO migrate_mcp.history (plan_id, plan_name, operation, status, script_hashes, source_fingerprint,
         target_fingerprint, start_fingerprint, goal_fingerprint, os_user, client_host, client_pid, options)
       VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        this.planId,
        run.planName,
        run.operation,
        JSON.stringify(run.scriptHashes),
        run.sourceFingerprint,
        run.targetFingerprint,
        run.startFingerprint,
        run.goalFingerprint,
        osUser(),
        hostname(),
        process.pid,
        JSON.stringify(run.options),
      ],
    );
    return Number(rows[0]!.id);
  }

  async finishRun(
    runId: number,
    status: Exclude<RunStatus, "running">,
    details: { error?: string; endFingerprint?: string | null; validation?: unknown } = {},
  ): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.history SET status = $2, finished_at = clock_timestamp(), error = $3,
         end_fingerprint = coalesce($4, end_fingerprint), validation = coalesce($5, validation)
       WHERE id = $1`,
      [
        runId,
        status,
        details.error === undefined ? null : redact(details.error),
        details.endFingerprint ?? null,
        details.validation === undefined ? null : JSON.stringify(details.validation),
      ],
    );
  }

  /** Runs left 'running' by a process that died; only called while holding the runner lock. */
  async markInterrupted(): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.history SET status = 'interrupted', finished_at = clock_timestamp()
       WHERE plan_id = $1 AND status = 'running'`,
      [this.planId],
    );
  }

  async addBackup(runId: number, backup: BackupRecord): Promise<void> {
    await this.client.query(
      "UPDATE migrate_mcp.history SET backups = backups || jsonb_build_array($2::jsonb) WHERE id = $1",
      [runId, JSON.stringify(backup)],
    );
  }

  /** Every backup taken for this plan, oldest first. */
  async backups(): Promise<BackupRecord[]> {
    const { rows } = await this.client.query<{ backup: BackupRecord }>(
      `SELECT b AS backup FROM migrate_mcp.history h, jsonb_array_elements(h.backups) b
        WHERE h.plan_id = $1 ORDER BY h.id`,
      [this.planId],
    );
    return rows.map((row) => row.backup);
  }

  /**
   * Makes sure every step has a row. Existing rows must carry the same hash: a journal that recorded
   * different steps under this plan id belongs to another plan.
   */
  async registerSteps(direction: Direction, steps: (Step & { sha256: string })[]): Promise<StepRow[]> {
    const existing = new Map(
      (await readSteps(this.client, this.planId, direction)).map((r) => [r.stepId, r]),
    );
    for (const [position, step] of steps.entries()) {
      const row = existing.get(step.id);
      if (row && row.sha256 !== step.sha256) {
        throw new MigrateError(
          "PLAN_INVALID",
          `the journal records a different step ${step.id} for plan ${this.planId} (hash differs); this is another plan with the same id — give it its own directory name`,
        );
      }
      if (row) continue;
      await this.client.query(
        `INSERT INTO migrate_mcp.steps (plan_id, direction, step_id, position, summary, sha256, definition)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          this.planId,
          direction,
          step.id,
          position,
          step.summary,
          step.sha256,
          direction === "rollback" ? JSON.stringify(step) : null,
        ],
      );
    }
    return readSteps(this.client, this.planId, direction);
  }

  /** A new rollback replaces the steps of any earlier, finished one. */
  async clearRollbackSteps(): Promise<void> {
    await this.client.query("DELETE FROM migrate_mcp.steps WHERE plan_id = $1 AND direction = 'rollback'", [
      this.planId,
    ]);
  }

  async markRunning(direction: Direction, stepId: string, runId: number): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.steps SET status = 'running', attempts = attempts + 1, run_id = $4,
         started_at = clock_timestamp(), finished_at = NULL, error = NULL
       WHERE plan_id = $1 AND direction = $2 AND step_id = $3`,
      [this.planId, direction, stepId, runId],
    );
  }

  async markDone(direction: Direction, stepId: string): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.steps SET status = 'done', finished_at = clock_timestamp(), error = NULL
       WHERE plan_id = $1 AND direction = $2 AND step_id = $3`,
      [this.planId, direction, stepId],
    );
  }

  /** A step stopped by --pause-at: what it committed is kept and the next run resumes it. */
  async markPaused(direction: Direction, stepId: string): Promise<void> {
    await this.markStopped(direction, stepId, null);
  }

  /**
   * A step stopped by cancellation: 'paused', like a --pause-at stop, because what it committed is kept and
   * the next run resumes it; `error` says why it stopped, until that run clears it.
   */
  async markCancelled(direction: Direction, stepId: string, note: string): Promise<void> {
    await this.markStopped(direction, stepId, redact(note));
  }

  /** Sets a step 'paused'; a null reason leaves `error` as it was. */
  private async markStopped(direction: Direction, stepId: string, reason: string | null): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.steps SET status = 'paused', error = coalesce($4, error)
       WHERE plan_id = $1 AND direction = $2 AND step_id = $3`,
      [this.planId, direction, stepId, reason],
    );
  }

  async markFailed(direction: Direction, stepId: string, error: string): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.steps SET status = 'failed', finished_at = clock_timestamp(), error = $4
       WHERE plan_id = $1 AND direction = $2 AND step_id = $3`,
      [this.planId, direction, stepId, redact(error)],
    );
  }

  /** After a completed rollback: forward steps past `position` no longer have effect. */
  async markRolledBack(afterPosition: number): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.steps SET status = 'rolled_back', fingerprint_after = NULL, checkpoint = NULL,
         statements_done = 0, rows_done = 0, rows_total = NULL
       WHERE plan_id = $1 AND direction = 'forward' AND position > $2 AND status <> 'pending'`,
      [this.planId, afterPosition],
    );
  }

  /** Progress inside a step that runs statement by statement outside a transaction. */
  async recordStatementDone(direction: Direction, stepId: string, count: number): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.steps SET statements_done = $4
       WHERE plan_id = $1 AND direction = $2 AND step_id = $3`,
      [this.planId, direction, stepId, count],
    );
  }

  /** A backfill batch: commits in the batch's own transaction, so the checkpoint is exactly what was done. */
  async recordBatch(direction: Direction, stepId: string, rows: number, checkpoint: string[] | null) {
    await this.client.query(
      `UPDATE migrate_mcp.steps SET rows_done = rows_done + $4, checkpoint = coalesce($5::jsonb, checkpoint)
       WHERE plan_id = $1 AND direction = $2 AND step_id = $3`,
      [this.planId, direction, stepId, rows, checkpoint === null ? null : JSON.stringify(checkpoint)],
    );
  }

  /** Starts a new sweep over the table (rows that became pending behind the checkpoint). */
  async resetCheckpoint(direction: Direction, stepId: string): Promise<void> {
    await this.client.query(
      "UPDATE migrate_mcp.steps SET checkpoint = NULL WHERE plan_id = $1 AND direction = $2 AND step_id = $3",
      [this.planId, direction, stepId],
    );
  }

  async setRowsTotal(direction: Direction, stepId: string, total: number): Promise<void> {
    await this.client.query(
      "UPDATE migrate_mcp.steps SET rows_total = $4 WHERE plan_id = $1 AND direction = $2 AND step_id = $3",
      [this.planId, direction, stepId, total],
    );
  }

  async addLockRetry(direction: Direction, stepId: string, waitMs: number): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.steps SET lock_retries = lock_retries + 1, lock_wait_ms = lock_wait_ms + $4
       WHERE plan_id = $1 AND direction = $2 AND step_id = $3`,
      [this.planId, direction, stepId, Math.round(waitMs)],
    );
  }

  async recordFingerprint(direction: Direction, stepId: string, fingerprint: string): Promise<void> {
    await this.client.query(
      `UPDATE migrate_mcp.steps SET fingerprint_after = $4
       WHERE plan_id = $1 AND direction = $2 AND step_id = $3`,
      [this.planId, direction, stepId, fingerprint],
    );
  }

  /** Keeps the schema model of a state this plan passes through, so rollback --to and drift checks can use it. */
  async saveState(fingerprint: string, model: SchemaModel): Promise<void> {
    await this.client.query(
      "INSERT INTO migrate_mcp.states (fingerprint, model) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      [fingerprint, gzipSync(JSON.stringify(model))],
    );
  }
}

/** A state's schema model, or null when it was never recorded. */
export async function loadState(client: DbClient, fingerprint: string): Promise<SchemaModel | null> {
  if ((await journalVersion(client)) === null) return null;
  const { rows } = await client.query<{ model: Buffer }>(
    "SELECT model FROM migrate_mcp.states WHERE fingerprint = $1",
    [fingerprint],
  );
  const row = rows[0];
  return row ? (JSON.parse(gunzipSync(row.model).toString("utf8")) as SchemaModel) : null;
}

function osUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}
