import type { DbClient } from "../db/connect.js";
import { redact } from "../db/redact.js";
import { errorText } from "../errors.js";
import type { StepRecord } from "../plan/plan.js";
import { backupTargets } from "./affected.js";
import { type BackupSettings, takeBackup } from "./backup.js";
import { Cancelled } from "./cancel.js";
import { executeStep, type StepContext, StepFailure } from "./execute-step.js";
import { failpoint } from "./failpoint.js";
import type { BackupRecord, Journal, StepRow } from "./journal.js";
import { type Snapshot, takeSnapshot } from "./snapshot.js";

/** What happened to one step in this run. */
export interface StepReport {
  id: string;
  summary: string;
  outcome: "done" | "skipped" | "paused";
  ms: number;
  rows: number | null;
}

export interface StepListResult {
  steps: StepReport[];
  backups: BackupRecord[];
  paused: { stepId: string; percent: number } | null;
  /** The schema after the last step this run executed (null when it executed none). */
  lastState: Snapshot | null;
}

export interface StepListContext extends StepContext {
  backup: BackupSettings;
}

/**
 * Runs steps in order, skipping those the journal shows done: backup first when the step needs one, the
 * step itself, the fingerprint of the state it leaves (so a later run recognises it), then the step's
 * own verify query.
 */
export async function runStepList(
  ctx: StepListContext,
  steps: StepRecord[],
  rows: StepRow[],
  knownBackups: BackupRecord[],
): Promise<StepListResult> {
  const byId = new Map(rows.map((row) => [row.stepId, row]));
  const result: StepListResult = { steps: [], backups: [], paused: null, lastState: null };
  for (const [index, step] of steps.entries()) {
    const row = byId.get(step.id)!;
    if (row.status === "done") {
      ctx.emit({ type: "step-skipped", direction: ctx.direction, stepId: step.id, reason: "done" });
      result.steps.push(report(step, "skipped", 0, null));
      continue;
    }
    stopIfCancelled(ctx, step);
    const started = Date.now();
    ctx.emit({
      type: "step-started",
      direction: ctx.direction,
      stepId: step.id,
      summary: step.summary,
      index: index + 1,
      total: steps.length,
      attempt: row.attempts + 1,
    });
    // A failed step with a fingerprint committed its SQL; only its verify failed, so only that runs again.
    const committedBefore = row.status === "failed" && row.fingerprintAfter !== null;
    if (!committedBefore) {
      const backup = await backupIfNeeded(ctx, step, knownBackups);
      if (backup) result.backups.push(backup);
      // The backup is recorded; stopping here leaves the step as it was (not started).
      stopIfCancelled(ctx, step);
      const outcome = await executeStep(ctx, step, row);
      if (outcome.kind === "paused") {
        ctx.emit({ type: "paused", stepId: step.id, percent: outcome.percent });
        result.steps.push(report(step, "paused", Date.now() - started, null));
        result.paused = { stepId: step.id, percent: outcome.percent };
        return result;
      }
      result.lastState = await recordState(ctx, step.id);
      result.steps.push(report(step, "done", Date.now() - started, outcome.rows));
    } else {
      await ctx.journal.markDone(ctx.direction, step.id);
      result.lastState = null;
      result.steps.push(report(step, "done", Date.now() - started, null));
    }
    await verifyStep(ctx.client, ctx.journal, ctx, step);
    failpoint(`${ctx.direction}:${step.id}:finished`);
    const last = result.steps.at(-1)!;
    ctx.emit({
      type: "step-finished",
      direction: ctx.direction,
      stepId: step.id,
      ms: last.ms,
      rows: last.rows,
    });
  }
  return result;
}

/** The boundary before a step: a cancelled run stops here with the step untouched. */
function stopIfCancelled(ctx: StepListContext, step: StepRecord): void {
  if (ctx.cancel.requested) {
    throw new Cancelled({ stepId: step.id, summary: step.summary, during: false, kept: "" });
  }
}

function report(
  step: StepRecord,
  outcome: StepReport["outcome"],
  ms: number,
  rows: number | null,
): StepReport {
  return { id: step.id, summary: step.summary, outcome, ms, rows };
}

async function backupIfNeeded(
  ctx: StepListContext,
  step: StepRecord,
  known: BackupRecord[],
): Promise<BackupRecord | null> {
  if (known.some((backup) => backup.stepId === step.id)) return null;
  const targets = await backupTargets(step);
  if (targets.length === 0) return null;
  let backup: BackupRecord | null;
  try {
    backup = await takeBackup(ctx.client, ctx.journal, ctx.runId, ctx.backup, step.id, targets);
  } catch (error) {
    // A terminal's Ctrl-C reaches pg_dump too (same process group) and kills it: that is the run being
    // cancelled before this step, not a broken backup.
    stopIfCancelled(ctx, step);
    throw error;
  }
  if (backup) {
    ctx.emit({
      type: "backup",
      stepId: step.id,
      method: backup.method,
      location: backup.location,
      tables: backup.tables,
    });
  }
  return backup;
}

/** Records the state a step left, model and fingerprint, so a resumed run and rollback --to know it. */
export async function recordState(
  ctx: { client: DbClient; journal: Journal; direction: StepContext["direction"] },
  stepId: string,
): Promise<Snapshot> {
  const state = await takeSnapshot(ctx.client);
  await ctx.journal.saveState(state.fingerprint, state.model);
  await ctx.journal.recordFingerprint(ctx.direction, stepId, state.fingerprint);
  return state;
}

/** The step's own verify query (one boolean column `ok`); false or an error fails the step. */
async function verifyStep(
  client: DbClient,
  journal: Journal,
  ctx: StepContext,
  step: StepRecord,
): Promise<void> {
  if (!step.verify) return;
  let ok = false;
  let why = "its verify query returned false";
  try {
    const { rows } = await client.query<{ ok: boolean | null }>(step.verify);
    ok = rows[0]?.ok === true;
  } catch (error) {
    why = `its verify query failed: ${redact(errorText(error))}`;
  }
  if (ok) return;
  const message = `step ${step.id} ran, but ${why}`;
  await journal.markFailed(ctx.direction, step.id, message);
  ctx.emit({ type: "step-failed", direction: ctx.direction, stepId: step.id, error: message });
  throw new StepFailure(step.id, step.summary, message);
}
