import type { DbClient } from "../db/connect.js";
import { withTransaction } from "../db/transaction.js";
import { MigrateError } from "../errors.js";
import type { Backfill, Step } from "../plan/step.js";
import type { Cancellation } from "./cancel.js";
import type { EventSink } from "./events.js";
import { failpoint } from "./failpoint.js";
import type { Direction, Journal, StepRow } from "./journal.js";
import { type RetryPolicy, withLockRetry } from "./retry.js";
import { setStepTimeouts } from "./timeouts.js";

export interface BackfillOptions {
  /** Rows per batch; default the step's own batch size. */
  batchSize?: number;
  /** Pause between batches, so replicas and autovacuum keep up. */
  throttleMs: number;
  /** Stop once this fraction (0–1) of the rows is done, for a staged rollout; null runs to the end. */
  pauseAt: number | null;
}

export interface BackfillContext {
  client: DbClient;
  journal: Journal;
  direction: Direction;
  emit: EventSink;
  retry: RetryPolicy;
  options: BackfillOptions;
  onLockRetry: (attempt: number, waitMs: number) => Promise<void>;
  cancel: Cancellation;
}

export type BackfillOutcome = { kind: "done"; rows: number } | { kind: "paused"; percent: number };

// Rows can become pending behind the checkpoint while we walk (a writer without the planner's sync trigger);
// after reaching the end we sweep from the start again, a bounded number of times.
const MAX_SWEEPS = 3;

/**
 * Runs a backfill as key-ordered batches. Each batch updates the next rows after the checkpoint that are
 * still pending and commits the new checkpoint (the batch's last key) in the same transaction, so a crash
 * loses nothing and repeats nothing: the resumed run starts after the last committed key, and the pending
 * condition makes any row that was already done invisible to later batches.
 */
export async function runBackfill(ctx: BackfillContext, step: Step, row: StepRow): Promise<BackfillOutcome> {
  const backfill = step.backfill!;
  if (backfill.key.length === 0) {
    throw new MigrateError(
      "PLAN_INVALID",
      `backfill step ${step.id} on ${backfill.table} names no key to walk the table by; give the table a primary key and regenerate the plan`,
    );
  }
  const batchSize = ctx.options.batchSize ?? backfill.batchSize;
  const { client, journal, direction, cancel } = ctx;
  let done = row.rowsDone;
  let total = row.rowsTotal;
  if (total === null) {
    total = done + (await cancel.guard(client, () => countPending(client, backfill)));
    await journal.setRowsTotal(direction, step.id, total);
  }
  const pauseAt = ctx.options.pauseAt;
  const pauseApplies = pauseAt !== null && total > 0 && done / total < pauseAt;
  const started = Date.now();
  const doneAtStart = done;
  let checkpoint = row.checkpoint;
  let batches = 0;
  for (let sweep = 1; ; sweep++) {
    for (;;) {
      // A cancelled batch rolls back with its checkpoint; the batches before it stay committed.
      const batch = await withLockRetry(
        ctx.retry,
        ctx.onLockRetry,
        () =>
          withTransaction(client, () =>
            cancel.guard(client, async () => {
              await setStepTimeouts(client, step, true);
              const result = await runBatch(client, backfill, batchSize, checkpoint);
              if (result.rows > 0) await journal.recordBatch(direction, step.id, result.rows, result.last);
              return result;
            }),
          ),
        (ms) => cancel.sleep(ms),
      );
      if (batch.rows === 0) break;
      batches++;
      failpoint(`${direction}:${step.id}:batch-${batches}`);
      done += batch.rows;
      checkpoint = batch.last;
      total = Math.max(total, done);
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? (done - doneAtStart) / seconds : 0;
      ctx.emit({
        type: "backfill-progress",
        stepId: step.id,
        rows: done,
        total,
        percent: percentOf(done, total),
        rowsPerSecond: Math.round(rate),
        etaSeconds: rate > 0 ? Math.round((total - done) / rate) : null,
      });
      if (pauseApplies && done / total >= pauseAt!) {
        await journal.markPaused(direction, step.id);
        return { kind: "paused", percent: percentOf(done, total) };
      }
      cancel.check();
      if (ctx.options.throttleMs > 0) await cancel.sleep(ctx.options.throttleMs);
    }
    if ((await cancel.guard(client, () => countPending(client, backfill, 1))) === 0) {
      // A backfill leaves a dead row for every row it updated, which soon wakes autovacuum on the table. An
      // ACCESS EXCLUSIVE step queued behind that autovacuum holds every client until PostgreSQL cancels it
      // (deadlock_timeout); vacuuming here, under a lock writers do not wait for, leaves nothing to wake it.
      await cancel.guard(client, () => client.query(`VACUUM (ANALYZE) ${backfill.table}`));
      return { kind: "done", rows: done };
    }
    if (sweep >= MAX_SWEEPS) {
      throw new MigrateError(
        "MIGRATION_FAILED",
        `backfill of ${backfill.table} still has pending rows after ${MAX_SWEEPS} sweeps; its SET (${backfill.set}) does not clear its pending condition (${backfill.pending}) — fix the plan`,
      );
    }
    await journal.resetCheckpoint(direction, step.id);
    checkpoint = null;
  }
}

function percentOf(done: number, total: number): number {
  return total === 0 ? 100 : Math.min(100, Math.round((done / total) * 1000) / 10);
}

async function countPending(client: DbClient, backfill: Backfill, limit?: number): Promise<number> {
  const inner = `SELECT 1 FROM ${backfill.table} WHERE (${backfill.pending})${limit ? ` LIMIT ${limit}` : ""}`;
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM (${inner}) pending`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * One batch: the next `size` pending rows in key order after the checkpoint, updated in one statement.
 * Returns how many rows changed and the largest key among them (the new checkpoint), as text.
 */
async function runBatch(
  client: DbClient,
  backfill: Backfill,
  size: number,
  checkpoint: string[] | null,
): Promise<{ rows: number; last: string[] | null }> {
  const keys = backfill.key.join(", ");
  const after = checkpoint ? ` AND (${keys}) > (${checkpoint.map((_, i) => `$${i + 1}`).join(", ")})` : "";
  const descending = backfill.key.map((k) => `${k} DESC`).join(", ");
  const lastKey = `json_build_array(${backfill.key.map((k) => `${k}::text`).join(", ")})`;
  const sql = `WITH batch AS (
      UPDATE ${backfill.table} SET ${backfill.set}
       WHERE (${keys}) IN (SELECT ${keys} FROM ${backfill.table}
                            WHERE (${backfill.pending})${after}
                            ORDER BY ${keys} LIMIT ${Math.floor(size)})
      RETURNING ${keys})
    SELECT (SELECT count(*) FROM batch) AS rows,
           (SELECT ${lastKey} FROM batch ORDER BY ${descending} LIMIT 1) AS last`;
  const { rows } = await client.query<{ rows: string; last: string[] | null }>(sql, checkpoint ?? []);
  return { rows: Number(rows[0]?.rows ?? 0), last: rows[0]?.last ?? null };
}
