import type { DbClient } from "../db/connect.js";
import { databaseName, withClient } from "../db/connect.js";
import { redactUrl } from "../db/redact.js";
import { errorText, isMigrateError, MigrateError } from "../errors.js";
import type { StepRecord } from "../plan/plan.js";
import { readPlan } from "../plan/read.js";
import { Cancelled, cancelledBeforeStart, cancelledRunError } from "./cancel.js";
import { type PlanContext, planContext, type RunnerOptions, scriptHashes } from "./context.js";
import { StepFailure } from "./execute-step.js";
import { Journal, loadState, readPlanJournal } from "./journal.js";
import { upgradeJournal } from "./journal-schema.js";
import { loadPlanModels } from "./plan-models.js";
import { rehearsalStatus } from "./rehearsal-proof.js";
import { rollbackInSession } from "./rollback.js";
import { runStepList, type StepListResult } from "./run-steps.js";
import { withRunnerSession } from "./session.js";
import { takeSnapshot } from "./snapshot.js";
import { checkSameDatabase, checkState, expectedState, targetMismatch } from "./state.js";

export type RollbackStrategy = "automatic" | "manual" | "none";

export interface ApplyOptions extends RunnerOptions {
  /** Run steps up to and including this one. */
  to?: string;
  /** Run only this step (the steps before it must be done). */
  step?: string;
  /** Pause each backfill once this fraction (0–1) of its rows is done. */
  pauseAt?: number | null;
  /** What a failed step or failed verify triggers (default manual: stop and print the commands). */
  rollbackStrategy?: RollbackStrategy;
  /** Refuse to run without a passed rehearsal of exactly these steps (default: warn). */
  requireRehearsal?: boolean;
}

export interface ApplyResult {
  planId: string;
  database: string;
  /** applied: the target is reached; partial: --to/--step stopped early; paused: --pause-at. */
  status: "applied" | "partial" | "paused" | "already-applied";
  runId: number | null;
  steps: StepListResult["steps"];
  backups: StepListResult["backups"];
  paused: StepListResult["paused"];
  fingerprint: string;
  warnings: string[];
}

/**
 * Applies a plan through the journal: refuses a tampered plan, a drifted or wrong database and a second
 * runner before changing anything, then runs the steps that are not done yet. Safe to run again after a
 * crash at any point; it resumes where the journal says.
 */
export async function applyPlan(dir: string, options: ApplyOptions): Promise<ApplyResult> {
  const loaded = await readPlan(dir);
  const { plan } = loaded;
  const models = await loadPlanModels(loaded);
  const selected = selectSteps(plan.steps, applySelection(options), {
    // Chosen before the session reads the journal: every selected step is listed and runStepList skips the done.
    done: new Set(),
    unknownStep: unknownApplyStep,
  });
  const ctx = planContext(loaded, models, options, options.pauseAt ?? null);
  const warnings: string[] = [];
  const rehearsal = rehearsalStatus(plan);
  if (!rehearsal.passed) {
    if (options.requireRehearsal) {
      throw new MigrateError(
        "REHEARSAL_REQUIRED",
        `plan ${plan.id} has no passed rehearsal (${rehearsal.reason}); run \`migrate-mcp rehearse ${dir}\` first`,
      );
    }
    const warning = `plan ${plan.id} has no passed rehearsal (${rehearsal.reason}); \`migrate-mcp rehearse\` proves its rollback first`;
    warnings.push(warning);
    ctx.emit({ type: "warning", message: warning });
  }
  if (ctx.cancel.requested) throw cancelledBeforeStart(`apply of plan ${plan.id}`);
  return withRunnerSession(ctx.databaseUrl, `apply ${plan.id}`, ctx.lockWaitMs, (client) =>
    applyInSession(client, ctx, selected, options, warnings),
  );
}

/** --to and --step as a selection; both at once is a usage error. */
function applySelection(options: ApplyOptions): StepSelection {
  if (options.to && options.step) {
    throw new MigrateError("USAGE", "give --to STEP or --step STEP, not both");
  }
  const wanted = options.to ?? options.step;
  if (wanted === undefined) return { kind: "all" };
  return options.step ? { kind: "only", id: wanted } : { kind: "to", id: wanted };
}

function unknownApplyStep(wanted: string, steps: readonly StepRecord[]): string {
  const range = steps.length ? `${steps[0]!.id}–${steps.at(-1)!.id}` : "none";
  return `the plan has no step ${wanted} (its steps: ${range}); pick one of those`;
}

/** Which of a plan's steps a run covers. */
export type StepSelection = { kind: "all" } | { kind: "to"; id: string } | { kind: "only"; id: string };

export interface SelectionContext {
  /** Steps the journal shows done: "all" passes over them. */
  done: ReadonlySet<string>;
  /** The USAGE message for an id the plan lacks, worded for the caller's own arguments (CLI flags, MCP tool). */
  unknownStep: (wanted: string, steps: readonly StepRecord[]) => string;
}

/**
 * The steps a selection covers, in plan order: every step not done, the steps up to and including one, or
 * just one. An id the plan lacks is a USAGE error.
 */
export function selectSteps(
  steps: StepRecord[],
  selection: StepSelection,
  context: SelectionContext,
): StepRecord[] {
  switch (selection.kind) {
    case "all":
      return steps.filter((step) => !context.done.has(step.id));
    case "to":
      return steps.slice(0, stepIndex(steps, selection.id, context) + 1);
    case "only":
      return [steps[stepIndex(steps, selection.id, context)]!];
  }
}

function stepIndex(steps: StepRecord[], wanted: string, context: SelectionContext): number {
  const index = steps.findIndex((step) => step.id === wanted);
  if (index < 0) throw new MigrateError("USAGE", context.unknownStep(wanted, steps));
  return index;
}

/**
 * The forward steps the journal shows done, on a short read-only session: enough for a caller to resolve
 * "next" and to ask for confirmation of exactly the steps left before applyPlan takes the runner lock (which
 * then checks the plan and the database itself).
 */
export async function doneSteps(databaseUrl: string, planId: string): Promise<Set<string>> {
  const view = await withClient(databaseUrl, (client) => readPlanJournal(client, planId), {
    readOnly: true,
    applicationName: "migrate-mcp journal",
  });
  return new Set(view.forward.filter((row) => row.status === "done").map((row) => row.stepId));
}

async function applyInSession(
  client: DbClient,
  ctx: PlanContext,
  selected: StepRecord[],
  options: ApplyOptions,
  warnings: string[],
): Promise<ApplyResult> {
  const { plan } = ctx.loaded;
  const database = databaseName(ctx.databaseUrl);
  const view = await readPlanJournal(client, plan.id);
  if (view.rollback.some((row) => row.status !== "done")) {
    throw new MigrateError(
      "MIGRATION_FAILED",
      `a rollback of plan ${plan.id} was interrupted; finish it first with \`migrate-mcp rollback ${ctx.loaded.dir}\``,
    );
  }
  const current = await takeSnapshot(client);
  const status = new Map(view.forward.map((row) => [row.stepId, row.status]));
  const result = (
    outcome: ApplyResult["status"],
    fingerprint: string,
    runId: number | null,
    run?: StepListResult,
  ): ApplyResult => ({
    planId: plan.id,
    database,
    status: outcome,
    runId,
    steps: run?.steps ?? [],
    backups: run?.backups ?? [],
    paused: run?.paused ?? null,
    fingerprint,
    warnings,
  });

  const touched = view.forward.some((row) => row.status !== "pending" && row.status !== "rolled_back");
  // Finished means the last run said so: a runner killed after its last step still records its end.
  const finished = view.runs.filter((run) => run.operation !== "verify").at(-1)?.status === "succeeded";
  const allDone = plan.steps.every((step) => status.get(step.id) === "done");
  if (((allDone && finished) || !touched) && current.fingerprint === plan.target.fingerprint) {
    if (!touched) warnings.push("the database already has the plan's target schema; nothing was run");
    return result("already-applied", current.fingerprint, null);
  }
  if (!touched && current.fingerprint !== plan.source.fingerprint) {
    checkSameDatabase(plan.id, plan.source.label, database, current, ctx.models.source);
  }
  const steps = new Map(plan.steps.map((step) => [step.id, step]));
  const expected = expectedState(
    { fingerprint: plan.source.fingerprint, label: "the plan's source" },
    view.forward,
    steps,
  );
  const known =
    expected.fingerprint === plan.source.fingerprint
      ? ctx.models.source
      : ((await loadState(client, expected.fingerprint)) ?? ctx.models.source);
  checkState(plan.id, current, expected, known, ctx.models.target);
  const first = selected[0];
  if (options.step && first) {
    const before = plan.steps.slice(0, plan.steps.indexOf(first));
    const missing = before.filter((s) => status.get(s.id) !== "done");
    if (missing.length > 0) {
      throw new MigrateError(
        "USAGE",
        `step ${first.id} needs step(s) ${missing.map((s) => s.id).join(", ")} applied first; run \`migrate-mcp apply ${ctx.loaded.dir} --to ${missing.at(-1)!.id}\``,
      );
    }
  }

  // The last moment to stop with nothing written: the checks above only read.
  if (ctx.cancel.requested) throw cancelledBeforeStart(`apply of plan ${plan.id}`);
  await upgradeJournal(client);
  const journal = new Journal(client, plan.id);
  await journal.markInterrupted();
  await journal.saveState(plan.source.fingerprint, ctx.models.source);
  const rows = await journal.registerSteps("forward", plan.steps);
  const lastTouched = rows.filter((row) => row.status !== "pending" && row.status !== "rolled_back").at(-1);
  if (expected.unrecorded && lastTouched?.stepId === expected.unrecorded.stepId) {
    // The runner died between the step's commit and recording its state: the database is that state.
    await journal.saveState(current.fingerprint, current.model);
    await journal.recordFingerprint("forward", expected.unrecorded.stepId, current.fingerprint);
  }
  const runId = await journal.startRun({
    planId: plan.id,
    planName: plan.name,
    operation: "apply",
    scriptHashes: scriptHashes(ctx.loaded),
    sourceFingerprint: plan.source.fingerprint,
    targetFingerprint: plan.target.fingerprint,
    startFingerprint: current.fingerprint,
    goalFingerprint: plan.target.fingerprint,
    options: {
      to: options.to ?? null,
      step: options.step ?? null,
      pauseAt: options.pauseAt ?? null,
      rollbackStrategy: options.rollbackStrategy ?? "manual",
      backupMethod: ctx.backup.method,
    },
  });
  ctx.emit({
    type: "run-started",
    operation: "apply",
    planId: plan.id,
    runId,
    total: selected.length,
    done: selected.filter((step) => status.get(step.id) === "done").length,
  });
  try {
    const run = await runStepList(
      {
        client,
        journal,
        direction: "forward",
        runId,
        emit: ctx.emit,
        retry: ctx.retry,
        backfill: ctx.backfill,
        backup: ctx.backup,
        cancel: ctx.cancel,
      },
      selected,
      rows,
      await journal.backups(),
    );
    if (run.paused) {
      await journal.finishRun(runId, "paused");
      return result("paused", current.fingerprint, runId, run);
    }
    // The state the last executed step recorded is the current one: verify queries only read.
    const end = run.lastState ?? (await takeSnapshot(client));
    const reachedEnd = selected.at(-1)?.id === plan.steps.at(-1)?.id;
    if (reachedEnd && end.fingerprint !== plan.target.fingerprint) {
      throw new StepFailure(
        plan.steps.at(-1)!.id,
        "target check",
        targetMismatch(end, ctx.models.target, "the plan's target"),
      );
    }
    await journal.finishRun(runId, "succeeded", {
      endFingerprint: end.fingerprint,
      validation: reachedEnd ? { targetFingerprint: true } : undefined,
    });
    return result(reachedEnd ? "applied" : "partial", end.fingerprint, runId, run);
  } catch (error) {
    if (error instanceof Cancelled) {
      const db = redactUrl(ctx.databaseUrl);
      const cancelled = cancelledRunError(`apply of plan ${plan.id}`, error, {
        resume: `\`migrate-mcp apply ${ctx.loaded.dir} --db ${db}\` (MCP: run_migration_step)`,
        undo: `\`migrate-mcp rollback ${ctx.loaded.dir} --db ${db}\` (MCP: rollback_migration)`,
      });
      // 'interrupted' like a runner that died, but with the reason: the next run takes over from the journal.
      await journal.finishRun(runId, "interrupted", { error: cancelled.message }).catch(() => {});
      throw cancelled;
    }
    await journal.finishRun(runId, "failed", { error: errorText(error) }).catch(() => {});
    if (!(error instanceof StepFailure)) throw error;
    return await handleFailure(client, ctx, options, error);
  }
}

/** What a failed step leads to, by rollback strategy. Always ends in a MIGRATION_FAILED error. */
async function handleFailure(
  client: DbClient,
  ctx: PlanContext,
  options: ApplyOptions,
  failure: StepFailure,
): Promise<never> {
  const dir = ctx.loaded.dir;
  const db = redactUrl(ctx.databaseUrl);
  const what = `step ${failure.stepId} (${failure.summary}) failed: ${failure.message}`;
  const strategy = options.rollbackStrategy ?? "manual";
  if (strategy === "automatic") {
    ctx.emit({ type: "rollback-started", reason: what });
    try {
      await rollbackInSession(client, ctx, null);
    } catch (error) {
      if (isMigrateError(error) && error.code === "CANCELLED") {
        throw new MigrateError(
          "CANCELLED",
          `${what}; then the automatic rollback was cancelled: ${error.message}`,
          { cause: error },
        );
      }
      throw new MigrateError(
        "MIGRATION_FAILED",
        `${what}; the automatic rollback failed too: ${errorText(error)}; fix the cause and run \`migrate-mcp rollback ${dir} --db ${db}\``,
        { cause: error },
      );
    }
    throw new MigrateError(
      "MIGRATION_FAILED",
      `${what}; rolled back automatically, the database is back at the plan's source — fix the plan and apply again`,
      { cause: failure },
    );
  }
  const resume = `\`migrate-mcp apply ${dir} --db ${db}\``;
  const undo = `\`migrate-mcp rollback ${dir} --db ${db}\``;
  throw new MigrateError(
    "MIGRATION_FAILED",
    strategy === "manual"
      ? `${what}; the database is part way through the plan — fix the cause and resume with ${resume}, or undo with ${undo}`
      : `${what}; stopped part way (rollback strategy none) — resume with ${resume} or undo with ${undo}`,
    { cause: failure },
  );
}
