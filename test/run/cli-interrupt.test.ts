import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { type CliExit, runCli, spawnCli } from "../helpers/cli.js";
import { freshDatabase, serverUrl } from "../helpers/db.js";
import { SHOP, shopData } from "./fixtures.js";
import { hasJournal, interruptiblePlans, journalRows, runnerLeftovers, SLEEP, schemaOf } from "./helpers.js";

// Ctrl-C on `migrate-mcp apply`, end to end: the built CLI in its own process gets a real SIGINT, which
// must stop the run at a safe boundary, exit 1 with the CANCELLED message, and leave a journal that the
// next command resumes (or rolls back) from.

const ROWS = 1000;
const BATCH = 100;
// The runner must stop well before any of the minute-long waits below would end on its own.
const PROMPT_MS = 10_000;

// Run with --throttle 60000, the backfill sleeps a minute after each committed batch.
const { backfillPlan, sleepingPlan } = interruptiblePlans("cli_interrupt", BATCH);

/**
 * The environment of the test's CLI runs: the test server only, and a MIGRATE_HOME of its own (removed after
 * the test), so a backup a run writes does not land in the working tree's .migrate/.
 */
function cliEnv(): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), "mm-home-"));
  onTestFinished(() => rmSync(home, { recursive: true, force: true }));
  return { MIGRATE_DATABASE_URL: serverUrl(), MIGRATE_HOME: home };
}

/** `migrate-mcp apply` in its own process, killed after the test if it is still running. */
function spawnApply(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; exit: Promise<CliExit> } {
  const run = spawnCli(["apply", ...args], env);
  onTestFinished(() => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
  });
  return run;
}

/**
 * Ctrl-C: SIGINT to the runner, which must end promptly (long before any minute-long wait of these plans)
 * by handling it, not by dying of it, with exit code 1.
 */
async function interrupt(child: ChildProcess, exit: Promise<CliExit>): Promise<CliExit> {
  const interrupted = Date.now();
  expect(child.kill("SIGINT")).toBe(true);
  const result = await exit;
  expect(Date.now() - interrupted).toBeLessThan(PROMPT_MS);
  expect(result.signal, result.stderr).toBeNull();
  expect(result.code, result.stderr).toBe(1);
  return result;
}

/** Fails fast with the runner's output if it ends before the condition holds (e.g. it could not connect). */
async function whileRunning(child: ChildProcess, exit: Promise<CliExit>, condition: () => Promise<boolean>) {
  let ended: CliExit | undefined;
  void exit.then((result) => {
    ended = result;
  });
  await vi.waitFor(
    async () => {
      if (ended) throw new Error(`apply ended early (${ended.code}): ${ended.stderr}`);
      if (!(await condition())) throw new Error("not yet");
    },
    { timeout: 20_000, interval: 50 },
  );
  expect(child.exitCode).toBeNull();
}

interface StepState {
  step_id: string;
  status: string;
  rows_done: string;
}

function forwardSteps(url: string): Promise<StepState[]> {
  return journalRows<StepState>(
    url,
    "SELECT step_id, status, rows_done FROM migrate_mcp.steps WHERE direction = 'forward' ORDER BY position",
  );
}

function applyRuns(url: string): Promise<{ status: string; error: string | null }[]> {
  return journalRows(
    url,
    "SELECT status, error FROM migrate_mcp.history WHERE operation = 'apply' ORDER BY id",
  );
}

describe("Ctrl-C on migrate-mcp apply", () => {
  it("stops a throttled backfill after its committed batch, exits 1, and the same command resumes", async () => {
    const { dir, plan } = await backfillPlan();
    const db = await freshDatabase(SHOP + shopData(ROWS));
    const backfill = plan.forwardSteps.find((step) => step.backfill)!;
    const env = cliEnv();
    const { child, exit } = spawnApply([dir, "--db", db.url, "--throttle", "60000"], env);

    // Running: its first batch is committed and it sleeps a minute before the next.
    await whileRunning(child, exit, async () => {
      if (!(await hasJournal(db.url))) return false;
      const steps = await forwardSteps(db.url);
      return steps.some((step) => step.step_id === backfill.id && step.rows_done === String(BATCH));
    });
    const result = await interrupt(child, exit);
    // The CANCELLED message on stderr.
    expect(result.stderr).toContain(
      `error: apply of plan ${plan.id} was cancelled during step ${backfill.id} (backfill public.orders): ${BATCH} of 1,000 rows committed, checkpoint kept;`,
    );
    expect(result.stderr).toContain(
      `the runner lock is released — resume from step ${backfill.id} with \`migrate-mcp apply `,
    );
    expect(result.stdout).not.toMatch(/applied plan/);

    // The journal: the steps before are done, the backfill paused at its committed batch, the run interrupted.
    const steps = await forwardSteps(db.url);
    const at = steps.findIndex((step) => step.step_id === backfill.id);
    expect(at).toBeGreaterThan(0);
    expect(steps.slice(0, at).map((step) => step.status)).toEqual(steps.slice(0, at).map(() => "done"));
    expect(steps[at]).toMatchObject({ status: "paused", rows_done: String(BATCH) });
    expect(steps.slice(at + 1).map((step) => step.status)).toEqual(steps.slice(at + 1).map(() => "pending"));
    expect(await applyRuns(db.url)).toEqual([
      { status: "interrupted", error: expect.stringContaining("was cancelled during step") },
    ]);
    const [filled] = await journalRows<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM public.orders WHERE amount_cents IS NOT NULL",
    );
    expect(filled!.n).toBe(String(BATCH));
    expect(await runnerLeftovers(db.url)).toEqual({ holder: null, sessions: [] });

    // The same command resumes from the checkpoint and reaches the target.
    const resumed = await runCli(["apply", dir, "--db", db.url, "--throttle", "0"], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`applied plan ${plan.id} to `);
    expect(resumed.stdout).toContain(`  ${backfill.id} backfill public.orders: done in `);
    expect(resumed.stdout).toContain(`, ${ROWS} rows`);
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
    const [wrong] = await journalRows<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM public.orders WHERE amount_cents IS DISTINCT FROM amount * 100",
    );
    expect(wrong!.n).toBe("0");
    expect((await applyRuns(db.url)).map((run) => run.status)).toEqual(["interrupted", "succeeded"]);
  });

  it("cancels a long statement on the server, rolls its step back, and rollback undoes the rest", async () => {
    const { dir, plan } = await sleepingPlan();
    const db = await freshDatabase(SHOP + shopData(10));
    const sleeper = plan.forwardSteps.find((step) => step.statements.some((s) => s.sql === SLEEP))!;
    const env = cliEnv();
    const { child, exit } = spawnApply([dir, "--db", db.url], env);

    // Running: its pg_sleep(60) is executing on the server.
    await whileRunning(child, exit, async () => {
      const rows = await journalRows(
        db.url,
        "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep%'",
      );
      return rows.length > 0;
    });
    // Prompt, far less than the sleep: the statement was cancelled on the server, not waited for.
    const result = await interrupt(child, exit);
    expect(result.stderr).toContain(
      `error: apply of plan ${plan.id} was cancelled during step ${sleeper.id} (${sleeper.summary}): its transaction was rolled back`,
    );
    expect(result.stderr).toContain(`resume from step ${sleeper.id} with \`migrate-mcp apply `);

    // The sleeping step's transaction is gone (no column), it is paused, and no session is left behind:
    // exiting without cancelling would leave the pg_sleep backend running on the server.
    const columns = await journalRows(
      db.url,
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'amount_cents'",
    );
    expect(columns).toEqual([]);
    expect((await forwardSteps(db.url)).find((step) => step.step_id === sleeper.id)).toMatchObject({
      status: "paused",
    });
    expect((await applyRuns(db.url)).map((run) => run.status)).toEqual(["interrupted"]);
    expect(await runnerLeftovers(db.url)).toEqual({ holder: null, sessions: [] });

    // rollback from the CLI undoes the committed steps exactly.
    const rolledBack = await runCli(["rollback", dir, "--db", db.url], env);
    expect(rolledBack.code, rolledBack.stderr).toBe(0);
    expect(await schemaOf(db.url)).toBe(plan.source.fingerprint);
  });
});
