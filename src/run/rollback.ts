import type { SchemaModel } from "../catalog/model.js";
import type { DbClient } from "../db/connect.js";
import { databaseName } from "../db/connect.js";
import { redactUrl } from "../db/redact.js";
import { diffSchemas } from "../diff/diff.js";
import { errorText, MigrateError } from "../errors.js";
import { planSteps } from "../plan/online.js";
import { type StepRecord, stepRecords } from "../plan/plan.js";
import { readPlan } from "../plan/read.js";
import { Cancelled, cancelledBeforeStart, cancelledRunError } from "./cancel.js";
import { type PlanContext, planContext, type RunnerOptions, scriptHashes } from "./context.js";
import { StepFailure } from "./execute-step.js";
import { Journal, loadState, type PlanJournal, readPlanJournal } from "./journal.js";
import { upgradeJournal } from "./journal-schema.js";
import { loadPlanModels } from "./plan-models.js";
import { runStepList, type StepListResult } from "./run-steps.js";
import { withRunnerSession } from "./session.js";
import { type Snapshot, takeSnapshot } from "./snapshot.js";
import { checkState, expectedState, targetMismatch } from "./state.js";

export interface RollbackOptions extends RunnerOptions {
  /** Roll back to the state right after this step (default: the plan's source). */
  to?: string;
}

export interface RollbackResult {
  planId: string;
  database: string;
  status: "rolled-back" | "nothing-to-do";
  to: string | null;
  /**
   * plan: the plan's own rollback steps (the forward run was complete); recomputed: a diff from the
   * current state to the goal (a partial run); resumed: an interrupted rollback carried on.
   */
  mode: "plan" | "recomputed" | "resumed" | null;
  runId: number | null;
  steps: StepListResult["steps"];
  backups: StepListResult["backups"];
  fingerprint: string;
}

interface Goal {
  fingerprint: string;
  model: SchemaModel;
  label: string;
  /** Position of the last forward step that stays applied; -1 for the plan's source. */
  position: number;
}

/** Rolls a plan back, fully or to the state after one step; journaled and resumable like apply. */
export async function rollbackPlan(dir: string, options: RollbackOptions): Promise<RollbackResult> {
  const loaded = await readPlan(dir);
  const models = await loadPlanModels(loaded);
  const ctx = planContext(loaded, models, options);
  if (ctx.cancel.requested) throw cancelledBeforeStart(`rollback of plan ${loaded.plan.id}`);
  return withRunnerSession(ctx.databaseUrl, `rollback ${loaded.plan.id}`, ctx.lockWaitMs, (client) =>
    rollbackInSession(client, ctx, options.to ?? null),
  );
}

/**
 * The rollback itself, on a session that holds the runner lock (apply's automatic strategy calls it
 * directly). After a complete forward run it runs the plan's rollback steps, which also restore data the
 * plan moved aside; from a partial state it diffs the current schema against the goal, which is exact
 * from any state. The steps are stored in the journal, so an interrupted rollback resumes the same list.
 */
export async function rollbackInSession(
  client: DbClient,
  ctx: PlanContext,
  to: string | null,
): Promise<RollbackResult> {
  const { plan } = ctx.loaded;
  const view = await readPlanJournal(client, plan.id);
  const goal = await rollbackGoal(client, ctx, view, to);
  const current = await takeSnapshot(client);
  const result = (
    status: RollbackResult["status"],
    mode: RollbackResult["mode"],
    fingerprint: string,
    runId: number | null,
    run?: StepListResult,
  ): RollbackResult => ({
    planId: plan.id,
    database: databaseName(ctx.databaseUrl),
    status,
    to,
    mode,
    runId,
    steps: run?.steps ?? [],
    backups: run?.backups ?? [],
    fingerprint,
  });

  const unfinished = view.rollback.some((row) => row.status !== "done");
  let steps: StepRecord[];
  let mode: NonNullable<RollbackResult["mode"]>;
  let start: Snapshot | { fingerprint: string };
  if (unfinished) {
    const previous = view.runs.filter((run) => run.operation === "rollback").at(-1);
    if (!previous?.startFingerprint || previous.goalFingerprint !== goal.fingerprint) {
      throw new MigrateError(
        "USAGE",
        `an interrupted rollback of plan ${plan.id} to another state must finish first; run \`migrate-mcp rollback ${ctx.loaded.dir}\` with the same --to as before`,
      );
    }
    steps = view.rollback.map((row) => ({ ...row.definition!, sha256: row.sha256 }));
    const expected = expectedState(
      { fingerprint: previous.startFingerprint, label: "the state the rollback started from" },
      view.rollback,
      new Map(steps.map((step) => [step.id, step])),
    );
    const known = (await loadState(client, expected.fingerprint)) ?? goal.model;
    checkState(plan.id, current, expected, known, goal.model);
    mode = "resumed";
    start = { fingerprint: previous.startFingerprint };
  } else {
    const touched = view.forward.some((row) => row.status !== "pending" && row.status !== "rolled_back");
    if (!touched && current.fingerprint === plan.source.fingerprint) {
      return result("nothing-to-do", null, current.fingerprint, null);
    }
    const expected = expectedState(
      { fingerprint: plan.source.fingerprint, label: "the plan's source" },
      view.forward,
      new Map(plan.steps.map((step) => [step.id, step])),
    );
    const known =
      expected.fingerprint === plan.source.fingerprint
        ? ctx.models.source
        : ((await loadState(client, expected.fingerprint)) ?? ctx.models.source);
    // The plan's target is always a state of this plan, journaled or not (forward.sql run with psql).
    const atTarget = current.fingerprint === plan.target.fingerprint;
    if (!atTarget) checkState(plan.id, current, expected, known, ctx.models.target);
    if (current.fingerprint === goal.fingerprint) {
      await upgradeJournal(client);
      await new Journal(client, plan.id).markRolledBack(goal.position);
      return result("nothing-to-do", null, current.fingerprint, null);
    }
    // From the target the plan's own rollback steps are exact, and they restore data moved aside.
    const complete = to === null && atTarget;
    steps = complete
      ? plan.rollbackSteps
      : stepRecords(
          planSteps(diffSchemas(current.model, goal.model), {
            downtimeAllowed: plan.options.downtimeAllowed,
            lockTimeoutMs: plan.options.lockTimeoutMs,
            source: current.model,
            target: goal.model,
          }),
        );
    mode = complete ? "plan" : "recomputed";
    start = current;
  }

  // The last moment to stop with nothing written: everything above only read.
  if (ctx.cancel.requested) throw cancelledBeforeStart(`rollback of plan ${plan.id}`);
  await upgradeJournal(client);
  const journal = new Journal(client, plan.id);
  await journal.markInterrupted();
  if (!unfinished) {
    await journal.clearRollbackSteps();
    await journal.saveState(current.fingerprint, current.model);
  }
  const rows = await journal.registerSteps("rollback", steps);
  const runId = await journal.startRun({
    planId: plan.id,
    planName: plan.name,
    operation: "rollback",
    scriptHashes: scriptHashes(ctx.loaded),
    sourceFingerprint: plan.source.fingerprint,
    targetFingerprint: plan.target.fingerprint,
    startFingerprint: start.fingerprint,
    goalFingerprint: goal.fingerprint,
    options: { to, mode },
  });
  ctx.emit({
    type: "run-started",
    operation: "rollback",
    planId: plan.id,
    runId,
    total: steps.length,
    done: rows.filter((row) => row.status === "done").length,
  });
  try {
    const run = await runStepList(
      {
        client,
        journal,
        direction: "rollback",
        runId,
        emit: ctx.emit,
        retry: ctx.retry,
        backfill: { ...ctx.backfill, pauseAt: null },
        backup: ctx.backup,
        cancel: ctx.cancel,
      },
      steps,
      rows,
      await journal.backups(),
    );
    const end = run.lastState ?? (await takeSnapshot(client));
    if (end.fingerprint !== goal.fingerprint) {
      throw new MigrateError(
        "MIGRATION_FAILED",
        `rollback of plan ${plan.id}: ${targetMismatch(end, goal.model, goal.label)}; report this plan — its rollback is not exact`,
      );
    }
    await journal.markRolledBack(goal.position);
    await journal.finishRun(runId, "succeeded", { endFingerprint: end.fingerprint });
    return result("rolled-back", mode, end.fingerprint, runId, run);
  } catch (error) {
    if (error instanceof Cancelled) {
      // The rollback's steps stay in the journal, so running it again finishes the same list.
      const cancelled = cancelledRunError(`rollback of plan ${plan.id}`, error, {
        resume: `\`migrate-mcp rollback ${ctx.loaded.dir} --db ${redactUrl(ctx.databaseUrl)}${to === null ? "" : ` --to ${to}`}\` (MCP: rollback_migration)`,
      });
      await journal.finishRun(runId, "interrupted", { error: cancelled.message }).catch(() => {});
      throw cancelled;
    }
    await journal.finishRun(runId, "failed", { error: errorText(error) }).catch(() => {});
    if (!(error instanceof StepFailure)) throw error;
    throw new MigrateError(
      "MIGRATION_FAILED",
      `rollback step ${error.stepId} (${error.summary}) failed: ${error.message}; fix the cause and run \`migrate-mcp rollback ${ctx.loaded.dir}\` again to resume`,
      { cause: error },
    );
  }
}

async function rollbackGoal(
  client: DbClient,
  ctx: PlanContext,
  view: PlanJournal,
  to: string | null,
): Promise<Goal> {
  const { plan } = ctx.loaded;
  if (to === null) {
    return {
      fingerprint: plan.source.fingerprint,
      model: ctx.models.source,
      label: "the plan's source",
      position: -1,
    };
  }
  const row = view.forward.find((r) => r.stepId === to);
  if (!row) {
    throw new MigrateError(
      "USAGE",
      `plan ${plan.id} has no applied step ${to}; \`migrate-mcp status\` lists its steps`,
    );
  }
  if (row.status !== "done" || !row.fingerprintAfter) {
    throw new MigrateError(
      "USAGE",
      `step ${to} of plan ${plan.id} is ${row.status}, not done, so there is no state after it to return to; pick a done step`,
    );
  }
  const model = await loadState(client, row.fingerprintAfter);
  if (!model) {
    throw new MigrateError(
      "USAGE",
      `the journal has no schema recorded after step ${to}; roll back to the plan's source instead (omit --to)`,
    );
  }
  return {
    fingerprint: row.fingerprintAfter,
    model,
    label: `the state after step ${to}`,
    position: row.position,
  };
}
