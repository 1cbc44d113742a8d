import { z } from "zod";
import { rehearsalSchema } from "../../run/rehearsal-proof.js";
import { rehearsePlan } from "../../run/rehearse.js";
import { planDirectory, progressSink, refuseIfCancelled } from "../execution.js";
import { defineTool } from "../tool.js";

export const planIdArgument = z
  .string()
  .min(1)
  .describe("The plan id generate_migration returned (its directory name)");

export const databaseArgument = z
  .string()
  .min(1)
  .describe("A database name from migrate.config.yaml databases:, or default");

export const rehearseMigrationOutput = {
  planId: z.string(),
  ...rehearsalSchema.shape,
};

export const rehearseMigrationTool = defineTool({
  name: "rehearse_migration",
  title: "Rehearse a migration plan",
  description:
    "Prove a plan on a throwaway shadow copy of the database's schema: forward, verify, rollback, check the " +
    "schema is back to the original, forward again. The database itself is only read; the proof is written " +
    "into the plan's plan.yaml. Fails (MIGRATION_FAILED) when any phase fails; never run a plan whose " +
    "rehearsal failed.",
  input: {
    plan_id: planIdArgument,
    database: databaseArgument,
    with_data: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Copy up to this many rows of every table into the shadow (default: schema only)"),
  },
  output: rehearseMigrationOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, context, extra) {
    const dir = await planDirectory(context, args.plan_id);
    const databaseUrl = await context.database(args.database);
    refuseIfCancelled(extra);
    await context.log("info", `rehearse_migration: ${args.plan_id} on ${args.database}`, extra.sessionId);
    const proof = await rehearsePlan(dir, {
      databaseUrl,
      withData: args.with_data ?? null,
      onEvent: progressSink(extra),
      signal: extra.signal,
    });
    context.resourcesChanged();
    return {
      data: { planId: args.plan_id, ...proof },
      summary: `plan ${args.plan_id} rehearsal ${proof.status} in ${proof.totalMs} ms; schema restored by rollback: ${proof.fingerprintRestored}`,
    };
  },
});
