import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { analyzeSchemaDiffOutput } from "../../src/server/tools/analyze-schema-diff.js";
import { generateMigrationOutput } from "../../src/server/tools/generate-migration.js";
import { rehearseMigrationOutput } from "../../src/server/tools/rehearse-migration.js";
import { rollbackMigrationOutput } from "../../src/server/tools/rollback-migration.js";
import { runMigrationStepOutput } from "../../src/server/tools/run-migration-step.js";
import { verifyMigrationOutput } from "../../src/server/tools/verify-migration.js";
import { freshDatabase, serverUrl } from "../helpers/db.js";
import { journalRows, schemaOf } from "../run/helpers.js";
import { callOk, projectDir } from "./client.js";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.js");

const SOURCE =
  "CREATE TABLE orders (id bigint PRIMARY KEY, note text);" +
  "INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 2000) g;";
// A volatile default (a batched backfill), an index (built CONCURRENTLY, outside a transaction) and a new
// table (a transactional step): each kind of step the executor runs.
const TARGET =
  "CREATE TABLE orders (id bigint PRIMARY KEY, note text, token uuid DEFAULT gen_random_uuid());" +
  "CREATE INDEX orders_note_idx ON orders (note);" +
  "CREATE TABLE audit (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());";

/** The built server over stdio in `cwd`, on the test server only (MIGRATE_DATABASE_URL), closed after. */
async function spawnServer(cwd: string): Promise<{ client: Client; stderr: () => string }> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env.MIGRATE_DATABASE_URL = serverUrl();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, "serve"],
    cwd,
    env,
    stderr: "pipe",
  });
  // Drained so a chatty server can never block on a full pipe; shown when a call fails.
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: "stdio-e2e", version: "1.0.0" });
  await client.connect(transport);
  onTestFinished(() => client.close());
  // Listing tools makes the client check every structuredContent against the tool's output schema.
  await client.listTools();
  return { client, stderr: () => stderr };
}

describe("stdio end to end", () => {
  it("analyze, generate, rehearse, run all, verify and roll back through the built server", async () => {
    const [app, goal] = await Promise.all([freshDatabase(SOURCE), freshDatabase(TARGET)]);
    const cwd = await projectDir({ app: app.url, goal: goal.url }, `shadow: "${serverUrl()}"\n`);
    const { client, stderr } = await spawnServer(cwd);
    const call = async <T extends z.ZodRawShape>(
      name: string,
      args: Record<string, unknown>,
      output: T,
      onprogress?: (message: string) => void,
    ): Promise<z.output<z.ZodObject<T>>> =>
      callOk(client, name, args, z.object(output).strict(), {
        onprogress: onprogress && ((notification) => onprogress(notification.message ?? "")),
        detail: stderr,
      });

    const analysis = await call(
      "analyze_schema_diff",
      { source: "app", target: "goal" },
      analyzeSchemaDiffOutput,
    );
    expect(analysis.source.fingerprint).toBe(await schemaOf(app.url));
    expect(analysis.target.fingerprint).toBe(await schemaOf(goal.url));
    expect(analysis.changes.map((change) => change.objectId)).toEqual(
      expect.arrayContaining([expect.stringMatching(/token/), expect.stringMatching(/orders_note_idx/)]),
    );
    expect(analysis.destructiveCount).toBe(0);

    const plan = await call(
      "generate_migration",
      { source: "app", target: "goal", name: "stdio e2e" },
      generateMigrationOutput,
    );
    expect(plan.source.fingerprint).toBe(analysis.source.fingerprint);
    expect(plan.target.fingerprint).toBe(analysis.target.fingerprint);
    expect(plan.steps.some((step) => !step.transactional)).toBe(true);
    expect(plan.files).toContain(`${plan.dir}/plan.yaml`);

    const rehearsal = await call(
      "rehearse_migration",
      { plan_id: plan.id, database: "app", with_data: 500 },
      rehearseMigrationOutput,
    );
    expect(rehearsal).toMatchObject({
      planId: plan.id,
      status: "passed",
      fingerprintRestored: true,
      originalFingerprint: analysis.source.fingerprint,
      error: null,
    });
    expect(rehearsal.forward.length).toBe(plan.steps.length);

    const progress: string[] = [];
    const run = await call(
      "run_migration_step",
      { plan_id: plan.id, database: "app", step: "all" },
      runMigrationStepOutput,
      (message) => progress.push(message),
    );
    expect(run).toMatchObject({
      planId: plan.id,
      status: "applied",
      fingerprint: analysis.target.fingerprint,
    });
    expect(run.steps.map((step) => step.id)).toEqual(plan.steps.map((step) => step.id));
    expect(run.steps.every((step) => step.outcome === "done")).toBe(true);
    // A passed rehearsal of exactly these steps: no warning about a missing one.
    expect(run.warnings).toEqual([]);
    expect(progress).toContainEqual(expect.stringMatching(/^backfill .* 100% — /));
    expect(await schemaOf(app.url)).toBe(analysis.target.fingerprint);

    const verify = await call(
      "verify_migration",
      { plan_id: plan.id, database: "app", level: "thorough" },
      verifyMigrationOutput,
    );
    expect(verify).toMatchObject({ planId: plan.id, level: "thorough", ok: true, note: null });
    expect(verify.schema).toMatchObject({ ok: true, fingerprint: analysis.target.fingerprint });
    expect(verify.tables).toContainEqual(expect.objectContaining({ table: "public.orders", rows: 2000 }));

    const rollback = await call(
      "rollback_migration",
      { plan_id: plan.id, database: "app", confirm: plan.id },
      rollbackMigrationOutput,
    );
    expect(rollback).toMatchObject({
      planId: plan.id,
      status: "rolled-back",
      mode: "plan",
      to: null,
      fingerprint: analysis.source.fingerprint,
    });
    expect(await schemaOf(app.url)).toBe(analysis.source.fingerprint);
    const rows = await journalRows<{ n: string }>(app.url, "SELECT count(*) AS n FROM public.orders");
    expect(rows[0]!.n).toBe("2000");
  });
});
