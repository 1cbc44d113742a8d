import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { MigrateError } from "../../src/errors.js";
import { applyPlan } from "../../src/run/apply.js";
import type { RunEvent } from "../../src/run/events.js";
import { rehearsePlan } from "../../src/run/rehearse.js";
import { rollbackPlan } from "../../src/run/rollback.js";
import { verifyPlan } from "../../src/run/verify.js";
import { freshDatabase } from "../helpers/db.js";
import { SHOP, SHOP_V2, shopData } from "./fixtures.js";
import {
  hasJournal,
  interruptiblePlans,
  journalRows,
  runnerLeftovers,
  SLEEP,
  schemaOf,
  sharedPlan,
} from "./helpers.js";

const ROWS = 20_000;
const BATCH = 200;

// The backfill covers ROWS rows in batches of BATCH: a hundred committed batches, long enough to stop part way.
const { backfillPlan, sleepingPlan } = interruptiblePlans("cancel", BATCH);

// The concurrent index step sleeps after building its index, outside a transaction like the build itself.
const standalonePlan = sharedPlan({
  source: SHOP,
  target: SHOP_V2,
  name: "cancel_standalone",
  edit: (steps) =>
    steps.map((step) =>
      step.transactional
        ? step
        : { ...step, statements: [...step.statements, { sql: SLEEP, transactional: false }] },
    ),
});

// Drops orders.note after the SHOP_V2 steps: the planner moves its values aside, so that step needs a backup.
const droppingPlan = sharedPlan({
  source: SHOP,
  target: `${SHOP_V2}
ALTER TABLE public.orders DROP COLUMN note;`,
  name: "cancel_backup",
});

/**
 * Puts a fake pg_dump and pg_restore first on PATH for the current test (the tests of this file run one at
 * a time). The pg_dump writes its pid to a file, then sleeps until something kills it, as a terminal's
 * Ctrl-C does (pg_dump is in the runner's process group). Returns a function waiting for that pid.
 */
async function fakePgDump(): Promise<() => Promise<number>> {
  const bin = await mkdtemp(join(tmpdir(), "mm-fake-bin-"));
  const pidFile = join(bin, "pg_dump.pid");
  // Written then renamed, so the test never reads a half-written pid; exec leaves the pid to sleep.
  const script = `#!/bin/sh\necho $$ > '${pidFile}.tmp'\nmv '${pidFile}.tmp' '${pidFile}'\nexec sleep 30\n`;
  await writeFile(join(bin, "pg_dump"), script, { mode: 0o755 });
  await writeFile(join(bin, "pg_restore"), "#!/bin/sh\nexit 1\n", { mode: 0o755 });
  const path = process.env.PATH;
  process.env.PATH = `${bin}${delimiter}${path ?? ""}`;
  onTestFinished(async () => {
    process.env.PATH = path;
    await rm(bin, { recursive: true, force: true });
  });
  return () =>
    vi.waitFor(
      async () => {
        const pid = Number(await readFile(pidFile, "utf8"));
        await rm(pidFile);
        return pid;
      },
      { timeout: 20_000, interval: 20 },
    );
}

interface StepState {
  step_id: string;
  status: string;
  rows_done: string;
  attempts: number;
  error: string | null;
}

function forwardSteps(url: string): Promise<StepState[]> {
  return journalRows<StepState>(
    url,
    `SELECT step_id, status, rows_done, attempts, error FROM migrate_mcp.steps
      WHERE direction = 'forward' ORDER BY position`,
  );
}

function lastRun(url: string, operation: string): Promise<{ status: string; error: string | null }> {
  return journalRows<{ status: string; error: string | null }>(
    url,
    "SELECT status, error FROM migrate_mcp.history WHERE operation = $1 ORDER BY id DESC LIMIT 1",
    [operation],
  ).then((rows) => rows[0]!);
}

async function rejection(promise: Promise<unknown>): Promise<MigrateError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the run to be cancelled, but it finished");
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MigrateError);
  return error as MigrateError;
}

/** Waits until the plan's pg_sleep statement is running in the database. */
function sleeping(url: string): Promise<void> {
  return vi.waitFor(
    async () => {
      const rows = await journalRows(
        url,
        "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep%'",
      );
      expect(rows.length, "sessions running the plan's pg_sleep").toBeGreaterThan(0);
    },
    { timeout: 20_000, interval: 50 },
  );
}

describe("cancelling apply", () => {
  it("stops a backfill after a committed batch, records where, and resumes from the checkpoint", async () => {
    const { dir, plan } = await backfillPlan();
    const db = await freshDatabase(SHOP + shopData(ROWS));
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const error = await rejection(
      applyPlan(dir, {
        databaseUrl: db.url,
        throttleMs: 10,
        signal: controller.signal,
        onEvent: (event) => {
          events.push(event);
          if (event.type === "backfill-progress") controller.abort();
        },
      }),
    );
    const backfill = plan.forwardSteps.find((step) => step.backfill)!;
    expect(error.code).toBe("CANCELLED");
    expect(error.message).toContain(
      `apply of plan ${plan.id} was cancelled during step ${backfill.id} (backfill public.orders): 200 of 20,000 rows committed, checkpoint kept;`,
    );
    expect(error.message).toMatch(/runner lock is released — resume from step \d+ with `migrate-mcp apply /);
    expect(events.filter((event) => event.type === "backfill-progress")).toHaveLength(1);

    const steps = await forwardSteps(db.url);
    const at = steps.findIndex((step) => step.step_id === backfill.id);
    expect(steps.slice(0, at).every((step) => step.status === "done")).toBe(true);
    expect(steps[at]).toMatchObject({ status: "paused", rows_done: String(BATCH), attempts: 1 });
    expect(steps[at]!.error).toMatch(/^cancelled during the step \(200 of 20,000 rows committed/);
    expect(steps.slice(at + 1).every((step) => step.status === "pending")).toBe(true);
    expect(await lastRun(db.url, "apply")).toMatchObject({
      status: "interrupted",
      error: expect.stringContaining("was cancelled during step"),
    });
    const filled = await journalRows<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM public.orders WHERE amount_cents IS NOT NULL",
    );
    expect(filled[0]!.n).toBe(String(BATCH));
    expect(await runnerLeftovers(db.url)).toEqual({ holder: null, sessions: [] });

    const resumed = await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0 });
    expect(resumed.status).toBe("applied");
    expect(resumed.steps.find((step) => step.id === backfill.id)).toMatchObject({
      outcome: "done",
      rows: ROWS,
    });
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
    const wrong = await journalRows<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM public.orders WHERE amount_cents IS DISTINCT FROM amount * 100",
    );
    expect(wrong[0]!.n).toBe("0");
  });

  it("cancels a running statement on the server and rolls its transaction back", async () => {
    const { dir, plan } = await sleepingPlan();
    const db = await freshDatabase(SHOP + shopData(10));
    const controller = new AbortController();
    const started = Date.now();
    const run = applyPlan(dir, { databaseUrl: db.url, signal: controller.signal });
    await sleeping(db.url);
    controller.abort();
    const error = await rejection(run);
    // Far less than the 60 s sleep: the statement was cancelled, not waited for.
    expect(Date.now() - started).toBeLessThan(30_000);
    const sleeper = plan.forwardSteps.find((step) => step.statements.some((s) => s.sql === SLEEP))!;
    expect(error.code).toBe("CANCELLED");
    expect(error.message).toContain(
      `cancelled during step ${sleeper.id} (${sleeper.summary}): its transaction was rolled back`,
    );
    const columns = await journalRows<{ name: string }>(
      db.url,
      "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'amount_cents'",
    );
    expect(columns).toEqual([]);
    expect((await forwardSteps(db.url)).find((step) => step.step_id === sleeper.id)).toMatchObject({
      status: "paused",
    });
    expect(await runnerLeftovers(db.url)).toEqual({ holder: null, sessions: [] });

    // A rollback from here is exact; then the plan applies from the start, without the sleep.
    const rolledBack = await rollbackPlan(dir, { databaseUrl: db.url });
    expect(rolledBack.fingerprint).toBe(plan.source.fingerprint);
    await journalRows(db.url, `ALTER DATABASE ${db.name} SET mm_test.sleep = 'off'`);
    const applied = await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0 });
    expect(applied.status).toBe("applied");
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
  });

  it("cancels a statement of a step outside a transaction, keeping the count of statements done", async () => {
    const { dir, plan } = await standalonePlan();
    const db = await freshDatabase(SHOP + shopData(10));
    const controller = new AbortController();
    const run = applyPlan(dir, { databaseUrl: db.url, signal: controller.signal });
    await sleeping(db.url);
    controller.abort();
    const error = await rejection(run);
    const standalone = plan.forwardSteps.find((step) => !step.transactional)!;
    expect(standalone.statements).toHaveLength(2);
    expect(error.code).toBe("CANCELLED");
    expect(error.message).toContain(
      `cancelled during step ${standalone.id} (${standalone.summary}): 1 of 2 statements done;`,
    );
    const row = await journalRows<{ status: string; statements_done: number }>(
      db.url,
      "SELECT status, statements_done FROM migrate_mcp.steps WHERE step_id = $1 AND direction = 'forward'",
      [standalone.id],
    );
    expect(row).toEqual([{ status: "paused", statements_done: 1 }]);
    expect(await runnerLeftovers(db.url)).toEqual({ holder: null, sessions: [] });

    await journalRows(db.url, `ALTER DATABASE ${db.name} SET mm_test.sleep = 'off'`);
    const resumed = await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0 });
    expect(resumed.status).toBe("applied");
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
  });

  it("stops before a step whose pg_dump backup was killed by the same Ctrl-C, as a cancel and not a failed backup", async () => {
    const { dir, plan } = await droppingPlan();
    const db = await freshDatabase(SHOP + shopData(10));
    const dumping = await fakePgDump();
    const backupDir = await mkdtemp(join(tmpdir(), "mm-backup-"));
    onTestFinished(() => rm(backupDir, { recursive: true, force: true }));
    const options = { databaseUrl: db.url, throttleMs: 0, backupMethod: "pg_dump" as const, backupDir };
    const drop = plan.forwardSteps.find((step) => step.summary.startsWith("drop column public.orders.note"))!;
    const at = plan.forwardSteps.indexOf(drop);
    expect(at, "steps before the one with a backup").toBeGreaterThan(0);

    // Ctrl-C: the run's signal fires and pg_dump dies of the same SIGINT.
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const run = applyPlan(dir, {
      ...options,
      signal: controller.signal,
      onEvent: (event) => events.push(event),
    });
    const pid = await dumping();
    controller.abort();
    process.kill(pid, "SIGINT");
    const cancelled = await rejection(run);
    expect(cancelled.code).toBe("CANCELLED");
    expect(cancelled.message).toContain(
      `apply of plan ${plan.id} was cancelled before step ${drop.id} (${drop.summary}); the steps before it are committed`,
    );
    expect(cancelled.message).toContain(`resume from step ${drop.id} with \`migrate-mcp apply ${dir} --db `);
    expect(cancelled.message).not.toContain("backup before step");
    expect(events.some((event) => event.type === "step-started" && event.stepId === drop.id)).toBe(true);
    expect(events.filter((event) => event.type === "backup" || event.type === "step-failed")).toEqual([]);
    const steps = await forwardSteps(db.url);
    expect(steps.map((step) => step.step_id)).toEqual(plan.forwardSteps.map((step) => step.id));
    expect(steps.slice(0, at).every((step) => step.status === "done")).toBe(true);
    expect(steps[at]).toMatchObject({ status: "pending", attempts: 0, error: null });
    expect(steps.slice(at + 1).every((step) => step.status === "pending")).toBe(true);
    expect(await lastRun(db.url, "apply")).toMatchObject({
      status: "interrupted",
      error: expect.stringContaining(`was cancelled before step ${drop.id}`),
    });
    expect(await runnerLeftovers(db.url)).toEqual({ holder: null, sessions: [] });

    // The same killed pg_dump without a cancel is a broken backup: MIGRATION_FAILED, the step still untouched.
    const resumed = applyPlan(dir, options);
    process.kill(await dumping(), "SIGINT");
    const failed = await rejection(resumed);
    expect(failed.code).toBe("MIGRATION_FAILED");
    expect(failed.message).toContain(`backup before step ${drop.id} failed:`);
    expect((await forwardSteps(db.url))[at]).toMatchObject({ status: "pending", attempts: 0 });
    expect(await lastRun(db.url, "apply")).toMatchObject({
      status: "failed",
      error: expect.stringContaining(`backup before step ${drop.id} failed`),
    });

    // As the failure says, the in-database backup finishes the plan.
    const applied = await applyPlan(dir, { ...options, backupMethod: "copy" });
    expect(applied.status).toBe("applied");
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
  });

  it("refuses to start with an aborted signal and writes nothing", async () => {
    const { dir } = await backfillPlan();
    const db = await freshDatabase(SHOP);
    const error = await rejection(applyPlan(dir, { databaseUrl: db.url, signal: AbortSignal.abort() }));
    expect(error.code).toBe("CANCELLED");
    expect(error.message).toMatch(/was cancelled before it started; nothing was changed$/);
    expect(await hasJournal(db.url)).toBe(false);
  });
});

describe("cancelling rollback, verify and rehearse", () => {
  it("a cancelled rollback keeps its step list; apply refuses until rollback finishes it", async () => {
    const { dir, plan } = await backfillPlan();
    const db = await freshDatabase(SHOP + shopData(100));
    await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0 });
    const controller = new AbortController();
    const error = await rejection(
      rollbackPlan(dir, {
        databaseUrl: db.url,
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === "run-started") controller.abort();
        },
      }),
    );
    expect(error.code).toBe("CANCELLED");
    expect(error.message).toMatch(
      new RegExp(`^rollback of plan ${plan.id} was cancelled before step \\S+ \\(.*\\); .*resume from step`),
    );
    expect(await lastRun(db.url, "rollback")).toMatchObject({ status: "interrupted" });
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
    await expect(applyPlan(dir, { databaseUrl: db.url })).rejects.toThrow(
      /a rollback of plan .* was interrupted/,
    );
    const finished = await rollbackPlan(dir, { databaseUrl: db.url });
    expect(finished).toMatchObject({ status: "rolled-back", mode: "resumed" });
    expect(await schemaOf(db.url)).toBe(plan.source.fingerprint);
  });

  it("verify and rehearse refuse an aborted signal; a cancelled rehearsal leaves plan.yaml as it was", async () => {
    const { dir, plan } = await backfillPlan();
    const db = await freshDatabase(SHOP + shopData(100));
    const verify = await rejection(verifyPlan(dir, { databaseUrl: db.url, signal: AbortSignal.abort() }));
    expect(verify.code).toBe("CANCELLED");
    const planYaml = await readFile(join(dir, "plan.yaml"), "utf8");
    const controller = new AbortController();
    const rehearsal = await rejection(
      rehearsePlan(dir, {
        databaseUrl: db.url,
        withData: 100,
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === "step-started") controller.abort();
        },
      }),
    );
    expect(rehearsal.code).toBe("CANCELLED");
    expect(rehearsal.message).toBe(
      `rehearsal of plan ${plan.id} was cancelled during forward; its shadow database was dropped, the target was only read and plan.yaml is unchanged — rehearse again`,
    );
    expect(await readFile(join(dir, "plan.yaml"), "utf8")).toBe(planYaml);
    expect(await schemaOf(db.url)).toBe(plan.source.fingerprint);
  });
});
