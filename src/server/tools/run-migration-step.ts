import { z } from "zod";
import { MigrateError } from "../../errors.js";
import type { StepRecord } from "../../plan/plan.js";
import { readPlan } from "../../plan/read.js";
import { applyPlan } from "../../run/index.js";
import { planStatus } from "../../run/status.js";
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
    const pending = await pendingSteps(databaseUrl, dir, plan.steps);
    const selected = selectSteps(args.step, plan.steps, pending);
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

/** The forward steps the journal does not show done, in plan order. */
async function pendingSteps(databaseUrl: string, dir: string, steps: StepRecord[]): Promise<StepRecord[]> {
  const status = await planStatus(databaseUrl, dir);
  const done = new Set(status.plan?.steps.filter((step) => step.status === "done").map((step) => step.id));
  return steps.filter((step) => !done.has(step.id));
}

function selectSteps(wanted: string, steps: StepRecord[], pending: StepRecord[]): StepRecord[] {
  if (wanted === "all") return pending;
  if (wanted === "next") {
    const next = pending[0];
    if (next === undefined) {
      throw new MigrateError(
        "USAGE",
        "every step of this plan is already done; check it with verify_migration",
      );
    }
    return [next];
  }
  const step = steps.find((candidate) => candidate.id === wanted);
  if (step === undefined) {
    const ids = steps.map((candidate) => candidate.id).join(", ");
    throw new MigrateError(
      "USAGE",
      `the plan has no step "${wanted.slice(0, 40)}"; use one of ${ids}, next or all`,
    );
  }
  return [step];
}
