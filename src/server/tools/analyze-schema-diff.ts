import { z } from "zod";
import { analyzeSchemas, loadBoth, renameHints } from "../../migration/analyze.js";
import { ANALYSIS_TTL_SECONDS } from "../analysis-cache.js";
import { defineTool } from "../tool.js";

const spec = (role: string) =>
  z
    .string()
    .min(1)
    .describe(
      `The ${role} schema: a database name from migrate.config.yaml or "default", a .sql file or directory in the project, git:<ref>:<path>, or a version when the config sets schema:`,
    );

export const analyzeSchemaDiffInput = {
  source: spec("current"),
  target: spec("desired"),
};

export const schemaState = z.object({
  label: z.string().describe("The spec as resolved, passwords redacted"),
  fingerprint: z.string().describe("Hash of the normalised catalog model; equal fingerprints, equal schemas"),
  digest: z.string().describe("The same facts hashed by SQL in the server; what verify.sql asserts"),
});

export const analyzeSchemaDiffOutput = {
  source: schemaState,
  target: schemaState,
  changes: z.array(
    z.object({
      objectId: z.string(),
      kind: z.string(),
      action: z.enum(["create", "drop", "alter"]),
      summary: z.string(),
      destructive: z.boolean().describe("Removes data that exists in the source"),
      statements: z.array(z.object({ sql: z.string(), transactional: z.boolean() })),
    }),
  ),
  counts: z.record(z.string(), z.object({ create: z.number(), drop: z.number(), alter: z.number() })),
  destructiveCount: z.number().int().nonnegative(),
  cached: z
    .boolean()
    .describe(
      `true: the changes were computed earlier (within ${ANALYSIS_TTL_SECONDS} s) for schemas with these same fingerprints`,
    ),
  cacheAgeSeconds: z
    .number()
    .int()
    .nonnegative()
    .describe("How old the cached changes are; 0 when computed now"),
};

export const analyzeSchemaDiffTool = defineTool({
  name: "analyze_schema_diff",
  title: "Analyze schema differences",
  description:
    "Compare two schemas by asking PostgreSQL (the catalog is the truth): the changes from source to target " +
    "in dependency order with the SQL for each, which ones destroy data, counts by object kind, and both " +
    "fingerprints. Live databases are only read; .sql and git sources are loaded into a throwaway shadow " +
    "database that is dropped afterwards. Changes nothing. Both schemas are always read; the diff of " +
    "schemas with the same fingerprints is reused for 2 hours (cached: true).",
  input: analyzeSchemaDiffInput,
  output: analyzeSchemaDiffOutput,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ source, target }, context, extra) {
    await context.log("info", `analyze_schema_diff: reading ${source} and ${target}`, extra.sessionId);
    const options = {
      source: await context.schemaSpec(source),
      target: await context.schemaSpec(target),
      cwd: context.cwd,
    };
    // Always introspect: the fingerprints are the cache key, so a changed schema can never hit.
    const [from, to] = await loadBoth(options);
    const renames = await renameHints(options);
    const { analysis, cached, ageSeconds } = await context.analysisCache.analysis(
      { source: from, target: to, migrationType: "schema", renames },
      () => analyzeSchemas(from, to, renames, options),
    );
    const changes = analysis.changes.map((change) => ({
      objectId: change.objectId,
      kind: change.kind,
      action: change.action,
      summary: change.summary,
      destructive: change.destructive,
      statements: change.statements,
    }));
    const destructiveCount = analysis.destructive.length;
    return {
      data: {
        source: analysis.source,
        target: analysis.target,
        changes,
        counts: analysis.counts,
        destructiveCount,
        cached,
        cacheAgeSeconds: ageSeconds,
      },
      summary:
        (changes.length === 0
          ? `no changes: ${source} and ${target} have the same schema`
          : `${changes.length} changes from ${source} to ${target}, ${destructiveCount} destroy data`) +
        (cached ? ` (cached ${ageSeconds} s ago; the fingerprints are unchanged)` : ""),
    };
  },
});
