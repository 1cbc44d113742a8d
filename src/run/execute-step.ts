import type { DbClient } from "../db/connect.js";
import { redact } from "../db/redact.js";
import { withTransaction } from "../db/transaction.js";
import { errorText } from "../errors.js";
import type { Step } from "../plan/step.js";
import { type BackfillOptions, runBackfill } from "./backfill.js";
import { type Cancellation, Cancelled } from "./cancel.js";
import type { EventSink } from "./events.js";
import { failpoint } from "./failpoint.js";
import { type Direction, type Journal, readSteps, type StepRow } from "./journal.js";
import { type RetryPolicy, withLockRetry } from "./retry.js";
import { runStandaloneStatement } from "./standalone.js";
import { resetTimeouts, setStepTimeouts } from "./timeouts.js";

export interface StepContext {
  client: DbClient;
  journal: Journal;
  direction: Direction;
  runId: number;
  emit: EventSink;
  retry: RetryPolicy;
  backfill: BackfillOptions;
  cancel: Cancellation;
}

export type StepOutcome = { kind: "done"; rows: number | null } | { kind: "paused"; percent: number };

/** A step that failed; the journal already says so, with the redacted error. */
export class StepFailure extends Error {
  constructor(
    readonly stepId: string,
    readonly summary: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Runs one step and journals it: transactional steps commit their SQL and their 'done' together; steps
 * that cannot run in a transaction go statement by statement with a committed count after each; backfills
 * go batch by batch with a committed checkpoint. Lock timeouts are retried with backoff.
 */
export async function executeStep(ctx: StepContext, step: Step, row: StepRow): Promise<StepOutcome> {
  const { journal, direction } = ctx;
  await journal.markRunning(direction, step.id, ctx.runId);
  failpoint(`${direction}:${step.id}:started`);
  try {
    if (step.backfill) {
      const outcome = await runBackfill(
        { ...ctx, options: ctx.backfill, onLockRetry: lockRetryReporter(ctx, step) },
        step,
        row,
      );
      if (outcome.kind === "paused") return outcome;
      await journal.markDone(direction, step.id);
      failpoint(`${direction}:${step.id}:committed`);
      return { kind: "done", rows: outcome.rows };
    }
    if (step.transactional) await runInTransaction(ctx, step);
    else await runStatementByStatement(ctx, step, row.statementsDone);
    failpoint(`${direction}:${step.id}:committed`);
    return { kind: "done", rows: null };
  } catch (error) {
    if (error instanceof Cancelled) throw await stopCancelled(ctx, step, error);
    const message = redact(errorText(error));
    await journal.markFailed(direction, step.id, message);
    ctx.emit({ type: "step-failed", direction, stepId: step.id, error: message });
    throw new StepFailure(step.id, step.summary, message, { cause: error });
  }
}

/**
 * A step the run's cancellation stopped: its open transaction is already rolled back, what it committed
 * (backfill batches, standalone statements) stays, and the journal marks it paused so the next run resumes it.
 */
async function stopCancelled(ctx: StepContext, step: Step, error: Cancelled): Promise<Cancelled> {
  const row = (await readSteps(ctx.client, ctx.journal.planId, ctx.direction)).find(
    (candidate) => candidate.stepId === step.id,
  );
  let kept = "its transaction was rolled back";
  if (step.backfill && row) {
    const total = row.rowsTotal === null ? "" : ` of ${row.rowsTotal.toLocaleString("en-US")}`;
    kept = `${row.rowsDone.toLocaleString("en-US")}${total} rows committed, checkpoint kept`;
  } else if (!step.transactional && row) {
    kept = `${row.statementsDone} of ${step.statements.length} statements done`;
  }
  await ctx.journal.markCancelled(
    ctx.direction,
    step.id,
    `cancelled during the step (${kept}); run again to resume`,
  );
  return new Cancelled({ stepId: step.id, summary: step.summary, during: true, kept }, { cause: error });
}

function lockRetryReporter(ctx: StepContext, step: Step) {
  return async (attempt: number, waitMs: number): Promise<void> => {
    await ctx.journal.addLockRetry(ctx.direction, step.id, waitMs);
    ctx.emit({ type: "lock-retry", direction: ctx.direction, stepId: step.id, attempt, waitMs });
  };
}

async function runInTransaction(ctx: StepContext, step: Step): Promise<void> {
  const { client, journal, direction } = ctx;
  await withLockRetry(
    ctx.retry,
    lockRetryReporter(ctx, step),
    () =>
      withTransaction(client, () =>
        // Cancelling anywhere in here is safe: the whole step, journal row included, rolls back.
        ctx.cancel.guard(client, async () => {
          await setStepTimeouts(client, step, true);
          for (const statement of step.statements) {
            ctx.cancel.check();
            await client.query(statement.sql);
          }
          failpoint(`${direction}:${step.id}:before-commit`);
          await journal.markDone(direction, step.id);
        }),
      ),
    (ms) => ctx.cancel.sleep(ms),
  );
}

async function runStatementByStatement(ctx: StepContext, step: Step, alreadyDone: number): Promise<void> {
  const { client, journal, direction } = ctx;
  await setStepTimeouts(client, step, false);
  try {
    for (let index = alreadyDone; index < step.statements.length; index++) {
      const sql = step.statements[index]!.sql;
      // A statement cancelled part way is redone check-then-act (an invalid index is dropped and rebuilt).
      const result = await withLockRetry(
        ctx.retry,
        lockRetryReporter(ctx, step),
        () => ctx.cancel.guard(client, () => runStandaloneStatement(client, sql)),
        (ms) => ctx.cancel.sleep(ms),
      );
      failpoint(`${direction}:${step.id}:statement-${index + 1}-ran`);
      if (result.droppedInvalidIndex) {
        ctx.emit({ type: "invalid-index", stepId: step.id, index: result.droppedInvalidIndex });
      }
      await journal.recordStatementDone(direction, step.id, index + 1);
      failpoint(`${direction}:${step.id}:statement-${index + 1}`);
      if (index + 1 < step.statements.length) ctx.cancel.check();
    }
    await journal.markDone(direction, step.id);
  } finally {
    // A broken connection must not hide the statement's own error.
    await resetTimeouts(client).catch(() => {});
  }
}
