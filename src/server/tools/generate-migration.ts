import { relative } from "node:path";
import { z } from "zod";
import { MigrateError } from "../../errors.js";
import { generateMigration } from "../../migration/index.js";
import { defineTool } from "../tool.js";
import { analyzeSchemaDiffInput, schemaState } from "./analyze-schema-diff.js";

export const generateMigrationInput = {
  ...analyzeSchemaDiffInput,
  migration_type: z
    .enum(["schema", "data", "both"])
    .default("schema")
    .describe("What moves; only schema is available in this version"),
  downtime_allowed: z
    .boolean()
    .default(false)
    .describe("false keeps tables available (online rewrites); true allows simple blocking forms"),
  name: z.string().min(1).max(60).optional().describe("Short name for the plan directory"),
  renames: z
    .array(z.string())
    .default([])
    .describe(
      "Rename hints: schema.table.column=new, schema.table=new, schema.table=other_schema.table to move a table, or schema.enum.label=new to rename an enum label in place; without one a rename is a drop plus an add",
    ),
  allow_destructive: z
    .boolean()
    .default(false)
    .describe("Accept changes that drop tables, columns, schemas or sequences; refused otherwise"),
};

export const generateMigrationOutput = {
  id: z.string().describe("The plan id: its directory name, and the id the execution tools take"),
  dir: z.string().describe("The plan directory, relative to the project"),
  files: z.array(z.string()).describe("Files written, relative to the project"),
  source: schemaState,
  target: schemaState,
  steps: z.array(
    z.object({
      id: z.string(),
      summary: z.string(),
      kind: z.string(),
      action: z.string(),
      destructive: z.boolean(),
      transactional: z.boolean().describe("False when a statement must run outside a transaction block"),
    }),
  ),
  rollbackStepCount: z.number().int().nonnegative(),
};

export const generateMigrationTool = defineTool({
  name: "generate_migration",
  title: "Generate a migration plan",
  description:
    "Write a reviewable plan directory under migrations/ (or the config's plansDir): forward.sql, " +
    "rollback.sql, verify.sql, plan.yaml with fingerprints and per-step SQL hashes, and runbook.md. Returns " +
    "the plan id, the steps and the file paths. Touches no database but the throwaway shadows of SQL sources; " +
    "refuses data-destroying changes unless allow_destructive is true.",
  input: generateMigrationInput,
  output: generateMigrationOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run(args, context, extra) {
    if (args.migration_type !== "schema") {
      throw new MigrateError(
        "UNSUPPORTED",
        `migration_type=${args.migration_type} is not available in this version yet; use migration_type=schema`,
      );
    }
    await context.log("info", `generate_migration: ${args.source} → ${args.target}`, extra.sessionId);
    const result = await generateMigration({
      source: await context.schemaSpec(args.source),
      target: await context.schemaSpec(args.target),
      cwd: context.cwd,
      name: args.name,
      renames: args.renames,
      downtimeAllowed: args.downtime_allowed,
      allowDestructive: args.allow_destructive,
    });
    context.resourcesChanged();
    const { plan } = result;
    const steps = plan.forwardSteps.map((step) => ({
      id: step.id,
      summary: step.summary,
      kind: step.kind,
      action: step.action,
      destructive: step.destructive,
      transactional: step.transactional,
    }));
    return {
      data: {
        id: plan.id,
        dir: relative(context.cwd, result.dir),
        files: result.files.map((file) => relative(context.cwd, file)),
        source: plan.source,
        target: plan.target,
        steps,
        rollbackStepCount: plan.rollbackSteps.length,
      },
      summary: `plan ${plan.id}: ${steps.length} steps written to ${relative(context.cwd, result.dir)}; review it, then lint and rehearse`,
    };
  },
});
