import { rm } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { applyPlan } from "../../src/run/apply.js";
import { rollbackPlan } from "../../src/run/rollback.js";
import { runCli } from "../helpers/cli.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { SHOP, SHOP_TABLES, SHOP_V2, shopData } from "./fixtures.js";
import { journalRows, schemaOf, tableChecksums, withCentsBackfill, writeTestPlan } from "./helpers.js";

/**
 * Crash safety: the runner is a real `migrate-mcp apply` process, killed with SIGKILL at a named point
 * (see src/run/failpoint.ts), then apply runs again. Every resumed run must end in the target schema with
 * exactly the data of a run that was never interrupted.
 */
const TARGET = `${SHOP_V2}
ALTER TABLE public.orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0);`;
const ORDERS = 1000;
const TABLES = [...SHOP_TABLES, "public.audit"];

// The plan's steps, as the online planner writes them plus a hand-made backfill (batches of 100 rows).
const LAYOUT = [
  "001 create table public.audit",
  "002 create column public.orders.amount_cents",
  "003 backfill public.orders",
  "004 create constraint audit_pkey on public.audit",
  "005 create constraint orders_amount_positive on public.orders (NOT VALID)",
  "006 validate orders_amount_positive on public.orders",
  "007 create index public.orders_customer_idx",
];

// Every boundary between steps (and after the last), the middle of the backfill, and the windows inside
// a step: its SQL run but not committed, committed but its state not yet recorded, and a statement that
// ran outside a transaction before the journal counted it.
const CRASH_POINTS = [
  "forward:001:finished",
  "forward:002:committed",
  "forward:002:finished",
  "forward:003:batch-6",
  "forward:003:finished",
  "forward:004:finished",
  "forward:005:finished",
  "forward:006:before-commit",
  "forward:006:finished",
  "forward:007:statement-1-ran",
  "forward:007:finished",
];

describe("crash safety: SIGKILL at every step boundary and mid-backfill, then resume", () => {
  let dir = "";
  let targetFingerprint = "";
  let sourceFingerprint = "";
  let reference: Record<string, string> = {};
  let original: Record<string, string> = {};

  beforeAll(async () => {
    const made = await writeTestPlan({
      source: SHOP,
      target: TARGET,
      name: "crash",
      edit: withCentsBackfill(100),
    });
    expect(made.plan.forwardSteps.map((s) => `${s.id} ${s.summary}`)).toEqual(LAYOUT);
    dir = made.dir;
    targetFingerprint = made.plan.target.fingerprint;
    sourceFingerprint = made.plan.source.fingerprint;
    // The reference: the same data, migrated by a run that was never interrupted.
    const db = await createTestDatabase(SHOP + shopData(ORDERS));
    try {
      original = await tableChecksums(db.url, SHOP_TABLES);
      await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0 });
      expect(await schemaOf(db.url)).toBe(targetFingerprint);
      reference = await tableChecksums(db.url, TABLES);
    } finally {
      await db.drop();
    }
    return () => rm(dir, { recursive: true, force: true });
  });

  // Concurrent tests must register cleanup through their own context.
  async function database(onTestFinished: (fn: () => Promise<void>) => void): Promise<TestDatabase> {
    const db = await createTestDatabase(SHOP + shopData(ORDERS));
    onTestFinished(db.drop);
    return db;
  }

  async function assertExactTarget(url: string): Promise<void> {
    expect(await schemaOf(url)).toBe(targetFingerprint);
    expect(await tableChecksums(url, TABLES)).toEqual(reference);
    const [ids] = await journalRows<{ n: string; distinct: string; min: string; max: string }>(
      url,
      "SELECT count(*) AS n, count(DISTINCT id) AS distinct, min(id) AS min, max(id) AS max FROM public.orders",
    );
    expect(ids).toEqual({ n: `${ORDERS}`, distinct: `${ORDERS}`, min: "1", max: `${ORDERS}` });
  }

  it.concurrent.for(CRASH_POINTS)("killed at %s", async (point, { onTestFinished }) => {
    const db = await database(onTestFinished);
    const crashed = await runCli(["apply", dir, "--db", db.url, "--throttle", "0", "--json"], {
      MIGRATE_MCP_FAILPOINT: point,
    });
    // Killed by a signal: no exit code, and no result on stdout.
    expect(crashed.code, crashed.stderr).toBe(-1);
    expect(crashed.stdout).toBe("");
    // Running apply again: the same library call the CLI makes.
    const resumed = await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0 });
    expect(resumed.status).toBe("applied");
    await assertExactTarget(db.url);
  });

  it.concurrent.for(["rollback:002:committed", "rollback:003:finished"])(
    "rollback killed at %s",
    async (point, { onTestFinished }) => {
      const db = await database(onTestFinished);
      await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0 });
      const crashed = await runCli(["rollback", dir, "--db", db.url, "--json"], {
        MIGRATE_MCP_FAILPOINT: point,
      });
      expect(crashed.code, crashed.stderr).toBe(-1);
      const resumed = await rollbackPlan(dir, { databaseUrl: db.url });
      expect(resumed.mode).toBe("resumed");
      expect(await schemaOf(db.url)).toBe(sourceFingerprint);
      expect(await tableChecksums(db.url, SHOP_TABLES)).toEqual(original);
    },
  );
});
