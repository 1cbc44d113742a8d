import { z } from "zod";
import { verifyPlan } from "../../run/verify.js";
import { planDirectory, refuseIfCancelled } from "../execution.js";
import { defineTool } from "../tool.js";
import { databaseArgument, planIdArgument } from "./rehearse-migration.js";

const check = { name: z.string(), ok: z.boolean(), detail: z.string() };

export const verifyMigrationOutput = {
  planId: z.string(),
  database: z.string(),
  level: z.enum(["basic", "thorough", "comprehensive"]).describe("The level that ran"),
  ok: z.boolean(),
  checkedAt: z.string(),
  schema: z.object({
    ...check,
    expectedDigest: z.string(),
    foundDigest: z.string(),
    fingerprint: z.string(),
  }),
  tables: z.array(z.object({ table: z.string(), rows: z.number(), checksum: z.string().nullable() })),
  checks: z.array(z.object(check)),
  note: z.string().nullable().describe("Set when the level asked for is not the level that ran"),
};

export const verifyMigrationTool = defineTool({
  name: "verify_migration",
  title: "Verify a database against a plan",
  description:
    "Check a database against a plan's target in one repeatable-read snapshot: basic compares the schema " +
    "(catalog digest and fingerprint) and counts rows; thorough adds row checksums, foreign-key orphans and " +
    "constraint/index validity. comprehensive runs thorough (segment checksums are not available yet). " +
    "Stores the report in the journal's history. A failed check is data (ok: false), not an error.",
  input: {
    plan_id: planIdArgument,
    database: databaseArgument,
    level: z.enum(["basic", "thorough", "comprehensive"]).default("basic"),
  },
  output: verifyMigrationOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, context, extra) {
    const dir = await planDirectory(context, args.plan_id);
    const databaseUrl = await context.database(args.database);
    refuseIfCancelled(extra);
    const level = args.level === "comprehensive" ? "thorough" : args.level;
    const note =
      args.level === "comprehensive"
        ? "comprehensive (segment checksums against a second database) is not available yet; ran thorough"
        : null;
    const report = await verifyPlan(dir, { databaseUrl, level, signal: extra.signal });
    const failed = [report.schema, ...report.checks].filter((result) => !result.ok).length;
    return {
      data: { ...report, note },
      summary: report.ok
        ? `plan ${report.planId} verified on ${report.database} (${level}): schema and ${report.checks.length} checks pass`
        : `plan ${report.planId} NOT verified on ${report.database} (${level}): ${failed} checks failed`,
    };
  },
});
