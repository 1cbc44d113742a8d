import { z } from "zod";
import { MigrateError } from "../../errors.js";
import type { StepRecord } from "../../plan/plan.js";
import { readPlan } from "../../plan/read.js";
import { applyPlan, doneSteps, type StepSelection, selectSteps } from "../../run/apply.js";
import {
  confirmationReasons,
  planDirectory,
  progressSink,
  refuseIfCancelled,
  requireConfirmation,
} from "../execution.js";
import { defineTool } from "../tool.js";
import { databaseArgument, planIdArgument } from "./rehearse-migration.js";

export const confirmArgument = z
  .string()
  .optional()
  .describe(
    "The plan id, given only after the user agreed: needed for destructive or error-hazard steps when the " +
      "client cannot answer an elicitation",
  );

export const stepReports = z.array(
  z.object({
    id: z.string(),
    summary: z.string(),
    outcome: z.enum(["done", "skipped", "paused"]),
    ms: z.number(),
    rows: z.number().nullable(),
  }),
);

export const backupRecords = z.array(
  z.object({
    stepId: z.string(),
    method: z.enum(["pg_dump", "copy"]),
    location: z.string(),
    tables: z.array(z.string()),
    createdAt: z.string(),
  }),
);

export const runMigrationStepOutput = {
  planId: z.string(),
  database: z.string(),
  status: z
    .enum(["applied", "partial", "paused", "already-applied"])
    .describe("applied: the plan's target is reached; partial: steps remain"),
  runId: z.number().nullable(),
  steps: stepReports,
  backups: backupRecords,
  paused: z.object({ stepId: z.string(), percent: z.number() }).nullable(),
  fingerprint: z.string(),
  warnings: z.array(z.string()),
};

export const runMigrationStepTool = defineTool({
  name: "run_migration_step",
  title: "Run migration steps",
  description:
    'Apply a reviewed plan\'s steps through the journal: one step id, "next" (the first step not done) or ' +
    '"all". Refuses a tampered plan and a drifted or wrong database before changing anything; resumable ' +
    "after a crash or a cancelled request (a cancel stops at the next step or backfill batch; call again to " +
    "resume). Destructive or error-hazard steps need the user's confirmation (asked through " +
    'elicitation when the client supports it, else pass confirm: "<plan id>" after asking).',
  input: {
    plan_id: planIdArgument,
    database: databaseArgument,
    step: z.string().min(1).describe('A step id such as "002", "next" or "all"'),
    confirm: confirmArgument,
    rollback_strategy: z
      .enum(["automatic", "manual", "none"])
      .default("manual")
      .describe("What a failed step triggers: automatic rolls back, manual stops and reports"),
  },
  output: runMigrationStepOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  async run(args, context, extra) {
    const dir = await planDirectory(context, args.plan_id);
    const databaseUrl = await context.database(args.database);
    const { plan } = await readPlan(dir);
    // Only the journal's done steps are read here, to pick the steps and confirm them before anything
    // runs; applyPlan makes the plan and drift checks itself under the runner lock.
    const done = await doneSteps(databaseUrl, plan.id);
    const selected = selectSteps(plan.steps, toolSelection(args.step, plan.steps, done), {
      done,
      unknownStep: unknownToolStep,
    });
    await requireConfirmation(context, plan.id, args.confirm, confirmationReasons(selected));
    refuseIfCancelled(extra);
    await context.log(
      "info",
      `run_migration_step: ${plan.id} ${args.step} on ${args.database}`,
      extra.sessionId,
    );
    const only = args.step === "all" ? undefined : selected[0]?.id;
    const result = await applyPlan(dir, {
      databaseUrl,
      step: only,
      rollbackStrategy: args.rollback_strategy,
      onEvent: progressSink(extra),
      signal: extra.signal,
    });
    const ran = result.steps.filter((step) => step.outcome === "done").map((step) => step.id);
    return {
      data: { ...result },
      summary: `plan ${plan.id} ${result.status} on ${result.database}: ran ${ran.length ? ran.join(", ") : "no steps"}`,
    };
  },
});

/** The tool's `step` argument: "all", "next" (the first step not done) or one step id. */
function toolSelection(step: string, steps: StepRecord[], done: ReadonlySet<string>): StepSelection {
  if (step === "all") return { kind: "all" };
  if (step !== "next") return { kind: "only", id: step };
  const next = steps.find((candidate) => !done.has(candidate.id));
  if (next === undefined) {
    throw new MigrateError(
      "USAGE",
      "every step of this plan is already done; check it with verify_migration",
    );
  }
  return { kind: "only", id: next.id };
}

function unknownToolStep(wanted: string, steps: readonly StepRecord[]): string {
  const ids = steps.map((candidate) => candidate.id).join(", ");
  return `the plan has no step "${wanted.slice(0, 40)}"; use one of ${ids}, next or all`;
}
