import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { generateMigration } from "../../src/migration/index.js";
import { readPlan } from "../../src/plan/read.js";
import { runMigrationStepOutput } from "../../src/server/tools/run-migration-step.js";
import { freshDatabase, serverUrl } from "../helpers/db.js";
import { journalRows, runnerLeftovers, schemaOf } from "../run/helpers.js";
import { callOk, connectClient, projectDir } from "./client.js";

const runSchema = z.object(runMigrationStepOutput).strict();
const ROWS = 100_000;
// 100,000 rows and a volatile default: the planner backfills the new column in batches of 5,000, with the
// executor's 100 ms pause between batches, so the run lasts seconds and a cancel lands part way through.
const SOURCE =
  "CREATE TABLE orders (id bigint PRIMARY KEY, note text);" +
  `INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, ${ROWS}) g;`;
const TARGET =
  "CREATE TABLE orders (id bigint PRIMARY KEY, note text, token uuid DEFAULT gen_random_uuid());";

interface StepState {
  step_id: string;
  summary: string;
  status: string;
  rows_done: string;
  error: string | null;
}

describe("cancellation", () => {
  it("run_migration_step stops at a backfill batch when the request is cancelled, and resumes after", async () => {
    const [app, goal] = await Promise.all([freshDatabase(SOURCE), freshDatabase(TARGET)]);
    const cwd = await projectDir({ app: app.url }, `shadow: "${serverUrl()}"\n`);
    const generated = await generateMigration({
      source: app.url,
      target: goal.url,
      cwd,
      name: "cancel",
      allowDestructive: false,
    });
    const planId = basename(generated.dir);
    const { plan } = await readPlan(generated.dir);
    const backfill = plan.steps.find((step) => step.backfill);
    expect(backfill, "the plan backfills the volatile default").toBeDefined();
    const client = await connectClient({ cwd });

    const controller = new AbortController();
    const messages: string[] = [];
    const call = client.callTool(
      { name: "run_migration_step", arguments: { plan_id: planId, database: "app", step: "all" } },
      undefined,
      {
        signal: controller.signal,
        onprogress: (notification) => {
          messages.push(notification.message ?? "");
          if (notification.message?.startsWith("backfill ")) controller.abort("the user pressed stop");
        },
      },
    );
    await expect(call).rejects.toThrow(/the user pressed stop/);
    expect(messages).toContainEqual(expect.stringMatching(/^backfill .* \d+% — /));

    // The client gave up at once; the server stops at the next batch boundary and lets go of everything.
    expect(await runnerLeftovers(app.url)).toEqual({ holder: null, sessions: [] });
    const steps = await journalRows<StepState>(
      app.url,
      `SELECT step_id, summary, status, rows_done, error FROM migrate_mcp.steps
        WHERE direction = 'forward' ORDER BY position`,
    );
    const at = steps.findIndex((step) => step.step_id === backfill!.id);
    expect(steps.slice(0, at).every((step) => step.status === "done")).toBe(true);
    // The cancel crosses the transport while the executor pauses 100 ms after the first batch, so this is
    // the first batch; only whole batches can ever be committed.
    const rowsDone = Number(steps[at]!.rows_done);
    expect(steps[at]!.status).toBe("paused");
    expect(rowsDone % backfill!.backfill!.batchSize).toBe(0);
    expect(rowsDone).toBeGreaterThan(0);
    expect(rowsDone).toBeLessThan(ROWS);
    expect(steps[at]!.error).toMatch(
      /^cancelled during the step \([\d,]+ of 100,000 rows committed, checkpoint kept\)/,
    );
    expect(steps.slice(at + 1).every((step) => step.status === "pending")).toBe(true);
    const runs = await journalRows<{ status: string; error: string }>(
      app.url,
      "SELECT status, error FROM migrate_mcp.history WHERE operation = 'apply' ORDER BY id",
    );
    expect(runs).toEqual([
      {
        status: "interrupted",
        error: expect.stringMatching(
          new RegExp(
            `^apply of plan ${planId} was cancelled during step ${backfill!.id} .*run_migration_step`,
          ),
        ),
      },
    ]);

    const result = await callOk(
      client,
      "run_migration_step",
      { plan_id: planId, database: "app", step: "all" },
      runSchema,
    );
    expect(result.status).toBe("applied");
    expect(result.steps.find((step) => step.id === backfill!.id)).toMatchObject({
      outcome: "done",
      rows: ROWS,
    });
    expect(result.fingerprint).toBe(plan.target.fingerprint);
    expect(await schemaOf(app.url)).toBe(plan.target.fingerprint);
    const missing = await journalRows<{ n: string }>(
      app.url,
      "SELECT count(*) AS n FROM public.orders WHERE token IS NULL",
    );
    expect(missing[0]!.n).toBe("0");
  });
});
