import { describe, expect, it, vi } from "vitest";
import { connect } from "../../src/db/index.js";
import type { MigrateError } from "../../src/errors.js";
import { applyPlan } from "../../src/run/apply.js";
import type { RunEvent } from "../../src/run/events.js";
import { freshDatabase } from "../helpers/db.js";
import { SHOP, SHOP_TABLES, SHOP_V2, shopData } from "./fixtures.js";
import {
  cleanupLater,
  journalRows,
  schemaOf,
  sharedPlan,
  tableChecksums,
  testPlan,
  withCentsBackfill,
} from "./helpers.js";

const backfillPlan = sharedPlan({
  source: SHOP,
  target: SHOP_V2,
  name: "backfill",
  edit: withCentsBackfill(100),
});

describe("backfill steps", () => {
  it("run in key-ordered batches with a checkpoint, progress events and a pause at N%", async () => {
    const { dir, plan } = await backfillPlan();
    const db = await freshDatabase(SHOP + shopData(1000));
    const events: RunEvent[] = [];
    const paused = await applyPlan(dir, {
      databaseUrl: db.url,
      pauseAt: 0.25,
      throttleMs: 0,
      onEvent: (e) => events.push(e),
    });
    expect(paused.status).toBe("paused");
    expect(paused.paused).toMatchObject({ percent: 30 });
    const progress = events.filter((e) => e.type === "backfill-progress");
    expect(progress.map((e) => e.rows)).toEqual([100, 200, 300]);
    expect(progress.every((e) => e.total === 1000)).toBe(true);
    const row = await journalRows<{ status: string; rows_done: string; checkpoint: string[] }>(
      db.url,
      "SELECT status, rows_done, checkpoint FROM migrate_mcp.steps WHERE summary LIKE 'backfill%'",
    );
    expect(row[0]).toEqual({ status: "paused", rows_done: "300", checkpoint: ["300"] });
    const half = await journalRows<{ done: string }>(
      db.url,
      "SELECT count(*) AS done FROM public.orders WHERE amount_cents IS NOT NULL",
    );
    expect(half[0]!.done).toBe("300");

    const rest = await applyPlan(dir, { databaseUrl: db.url, pauseAt: 0.25, throttleMs: 0 });
    expect(rest.status).toBe("applied");
    // The finished backfill vacuums its table, so no autovacuum wakes up behind a later locking step.
    const vacuumed = await journalRows<{ vacuumed: boolean }>(
      db.url,
      "SELECT last_vacuum IS NOT NULL AS vacuumed FROM pg_stat_user_tables WHERE relid = 'public.orders'::regclass",
    );
    expect(vacuumed[0]?.vacuumed).toBe(true);
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
    const wrong = await journalRows<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM public.orders WHERE amount_cents IS DISTINCT FROM amount * 100",
    );
    expect(wrong[0]!.n).toBe("0");
  });

  it("sweep again for rows that became pending behind the checkpoint", async () => {
    const { dir } = await backfillPlan();
    const db = await freshDatabase(SHOP + shopData(400));
    await applyPlan(dir, { databaseUrl: db.url, pauseAt: 0.5, throttleMs: 0 });
    // A writer without the planner's sync trigger adds rows below the checkpoint while the backfill pauses.
    await journalRows(db.url, "DELETE FROM public.orders WHERE id <= 10");
    await journalRows(
      db.url,
      "INSERT INTO public.orders SELECT g, 1, 7, 'late' FROM generate_series(1, 10) g",
    );
    await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0 });
    const wrong = await journalRows<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM public.orders WHERE amount_cents IS DISTINCT FROM amount * 100",
    );
    expect(wrong[0]!.n).toBe("0");
  });
});

describe("lock timeouts", () => {
  const fastLocks = sharedPlan({
    source: SHOP,
    target: SHOP_V2,
    name: "fastlocks",
    edit: (steps) => steps.map((s) => ({ ...s, lockTimeoutMs: 100 })),
  });

  it("are retried with backoff until the lock is free", async () => {
    const { dir, plan } = await fastLocks();
    const db = await freshDatabase(SHOP + shopData(10));
    const blocker = await connect(db.url);
    try {
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE public.orders IN ACCESS SHARE MODE");
      const events: RunEvent[] = [];
      const applying = applyPlan(dir, {
        databaseUrl: db.url,
        retry: { attempts: 50, baseMs: 50, maxMs: 100 },
        onEvent: (e) => events.push(e),
      });
      // Release the lock only once the runner has hit it and retried, however slow the machine is.
      await vi.waitFor(() => expect(events.some((e) => e.type === "lock-retry")).toBe(true), {
        timeout: 60_000,
        interval: 50,
      });
      await blocker.query("COMMIT");
      expect((await applying).status).toBe("applied");
    } finally {
      await blocker.end();
    }
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
    const retried = await journalRows<{ n: string }>(
      db.url,
      "SELECT sum(lock_retries) AS n FROM migrate_mcp.steps WHERE lock_retries > 0",
    );
    expect(Number(retried[0]!.n)).toBeGreaterThan(0);
  });

  it("fail the step cleanly when retries run out", async () => {
    const { dir, plan } = await fastLocks();
    const db = await freshDatabase(SHOP + shopData(10));
    const before = await tableChecksums(db.url, SHOP_TABLES);
    const blocker = await connect(db.url);
    try {
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE public.orders IN ACCESS SHARE MODE");
      const error = await applyPlan(dir, {
        databaseUrl: db.url,
        retry: { attempts: 3, baseMs: 10, maxMs: 20 },
        rollbackStrategy: "automatic",
      }).catch((e: unknown) => e);
      expect((error as MigrateError).message).toMatch(/lock timeout.*rolled back automatically/);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect(await schemaOf(db.url)).toBe(plan.source.fingerprint);
    expect(await tableChecksums(db.url, SHOP_TABLES)).toEqual(before);
  });
});

describe("steps outside a transaction", () => {
  it("detect the invalid index an interrupted CREATE INDEX CONCURRENTLY left, drop it and rebuild", async () => {
    const made = await testPlan({
      source: SHOP,
      target: `${SHOP} CREATE UNIQUE INDEX orders_note_key ON public.orders (note);`,
      name: "cic",
    });
    cleanupLater(made.dir);
    const step = made.plan.forwardSteps.find((s) => s.summary.includes("orders_note_key"))!;
    expect(step.transactional).toBe(false);
    const db = await freshDatabase(
      `${SHOP}${shopData(100)} UPDATE public.orders SET note = 'dup' WHERE id IN (1, 2);`,
    );
    const failed = await applyPlan(made.dir, { databaseUrl: db.url, rollbackStrategy: "none" }).catch(
      (e: unknown) => e,
    );
    expect((failed as MigrateError).message).toMatch(/could not create unique index/);
    const invalid = await journalRows<{ valid: boolean }>(
      db.url,
      "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'public.orders_note_key'::regclass",
    );
    expect(invalid).toEqual([{ valid: false }]);

    await journalRows(db.url, "UPDATE public.orders SET note = 'unique 2' WHERE id = 2");
    const events: RunEvent[] = [];
    const result = await applyPlan(made.dir, { databaseUrl: db.url, onEvent: (e) => events.push(e) });
    expect(result.status).toBe("applied");
    expect(events).toContainEqual({
      type: "invalid-index",
      stepId: step.id,
      index: "public.orders_note_key",
    });
    const valid = await journalRows<{ valid: boolean }>(
      db.url,
      "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'public.orders_note_key'::regclass",
    );
    expect(valid).toEqual([{ valid: true }]);
    expect(await schemaOf(db.url)).toBe(made.plan.target.fingerprint);
  });
});
