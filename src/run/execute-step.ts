import type { DbClient } from "../db/connect.js";
import { redact } from "../db/redact.js";
import { withTransaction } from "../db/transaction.js";
import { errorText } from "../errors.js";
import type { Step } from "../plan/step.js";
import { type BackfillOptions, runBackfill } from "./backfill.js";
import type { EventSink } from "./events.js";
import { failpoint } from "./failpoint.js";
import type { Direction, Journal, StepRow } from "./journal.js";
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
    const message = redact(errorText(error));
    await journal.markFailed(direction, step.id, message);
    ctx.emit({ type: "step-failed", direction, stepId: step.id, error: message });
    throw new StepFailure(step.id, step.summary, message, { cause: error });
  }
}

function lockRetryReporter(ctx: StepContext, step: Step) {
  return async (attempt: number, waitMs: number): Promise<void> => {
    await ctx.journal.addLockRetry(ctx.direction, step.id, waitMs);
    ctx.emit({ type: "lock-retry", direction: ctx.direction, stepId: step.id, attempt, waitMs });
  };
}

async function runInTransaction(ctx: StepContext, step: Step): Promise<void> {
  const { client, journal, direction } = ctx;
  await withLockRetry(ctx.retry, lockRetryReporter(ctx, step), () =>
    withTransaction(client, async () => {
      await setStepTimeouts(client, step, true);
      for (const statement of step.statements) await client.query(statement.sql);
      failpoint(`${direction}:${step.id}:before-commit`);
      await journal.markDone(direction, step.id);
    }),
  );
}

async function runStatementByStatement(ctx: StepContext, step: Step, alreadyDone: number): Promise<void> {
  const { client, journal, direction } = ctx;
  await setStepTimeouts(client, step, false);
  try {
    for (let index = alreadyDone; index < step.statements.length; index++) {
      const sql = step.statements[index]!.sql;
      const result = await withLockRetry(ctx.retry, lockRetryReporter(ctx, step), () =>
        runStandaloneStatement(client, sql),
      );
      failpoint(`${direction}:${step.id}:statement-${index + 1}-ran`);
      if (result.droppedInvalidIndex) {
        ctx.emit({ type: "invalid-index", stepId: step.id, index: result.droppedInvalidIndex });
      }
      await journal.recordStatementDone(direction, step.id, index + 1);
      failpoint(`${direction}:${step.id}:statement-${index + 1}`);
    }
    await journal.markDone(direction, step.id);
  } finally {
    // A broken connection must not hide the statement's own error.
    await resetTimeouts(client).catch(() => {});
  }
}
