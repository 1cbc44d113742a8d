import { z } from "zod";
import { readPlan } from "../../plan/read.js";
import { rollbackPlan } from "../../run/index.js";
import { planDirectory, progressSink, refuseIfCancelled, requireConfirmation } from "../execution.js";
import { defineTool } from "../tool.js";
import { databaseArgument, planIdArgument } from "./rehearse-migration.js";
import { backupRecords, confirmArgument, stepReports } from "./run-migration-step.js";

export const rollbackMigrationOutput = {
  planId: z.string(),
  database: z.string(),
  status: z.enum(["rolled-back", "nothing-to-do"]),
  to: z.string().nullable().describe("The step whose state was kept; null for the plan's source"),
  mode: z
    .enum(["plan", "recomputed", "resumed"])
    .nullable()
    .describe(
      "plan: its rollback steps; recomputed: a diff from a partial state; resumed: an interrupted one",
    ),
  runId: z.number().nullable(),
  steps: stepReports,
  backups: backupRecords,
  fingerprint: z.string(),
};

export const rollbackMigrationTool = defineTool({
  name: "rollback_migration",
  title: "Roll a migration back",
  description:
    "Undo a plan's completed steps through the journal, fully (back to the plan's source) or to the state " +
    "right after step `to`; restores data the plan moved aside. Rolling back drops what the plan added, so it " +
    'always needs the user\'s confirmation (elicitation when supported, else confirm: "<plan id>").',
  input: {
    plan_id: planIdArgument,
    database: databaseArgument,
    to: z.string().min(1).optional().describe("Keep the steps up to and including this one"),
    confirm: confirmArgument,
  },
  output: rollbackMigrationOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async run(args, context, extra) {
    const dir = await planDirectory(context, args.plan_id);
    const databaseUrl = await context.database(args.database);
    const { plan } = await readPlan(dir);
    const goal = args.to === undefined ? "the plan's source" : `the state after step ${args.to}`;
    await requireConfirmation(context, plan.id, args.confirm, [
      `rolling back to ${goal} drops what the plan's later steps added`,
    ]);
    refuseIfCancelled(extra);
    await context.log("info", `rollback_migration: ${plan.id} on ${args.database}`, extra.sessionId);
    const result = await rollbackPlan(dir, {
      databaseUrl,
      to: args.to,
      onEvent: progressSink(extra),
      signal: extra.signal,
    });
    return {
      data: { ...result },
      summary:
        result.status === "nothing-to-do"
          ? `plan ${plan.id}: nothing to roll back on ${result.database}`
          : `plan ${plan.id} rolled back to ${goal} on ${result.database} (${result.steps.length} steps)`,
    };
  },
});
