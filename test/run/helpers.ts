import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, onTestFinished, vi } from "vitest";
import { readCatalog } from "../../src/catalog/index.js";
import { findLockHolder, type LockHolder, withClient } from "../../src/db/index.js";
import { diffSchemas } from "../../src/diff/index.js";
import { writePlanDirectory } from "../../src/plan/files.js";
import { buildPlan, type MigrationPlan } from "../../src/plan/plan.js";
import { renderScript } from "../../src/plan/script.js";
import type { Step } from "../../src/plan/step.js";
import { RUNNER_LOCK } from "../../src/run/session.js";
import { createTestDatabase } from "../helpers/db.js";
import { SHOP, SHOP_V2 } from "./fixtures.js";

export interface PlanSpec {
  source: string;
  target: string;
  /** Rewrites the forward steps (add a backfill, make an index concurrent, …); scripts and hashes follow. */
  edit?: (steps: Step[]) => Step[];
  name?: string;
}

/** A test's own plan (see writeTestPlan), its directory removed when the test finishes. */
export async function testPlan(spec: PlanSpec): Promise<{ dir: string; plan: MigrationPlan }> {
  const made = await writeTestPlan(spec);
  onTestFinished(() => rm(made.dir, { recursive: true, force: true }));
  return made;
}

/** Builds a plan between two schemas on real databases and writes its directory to a temp folder, which the caller removes. */
export async function writeTestPlan(spec: PlanSpec): Promise<{ dir: string; plan: MigrationPlan }> {
  const [a, b] = await Promise.all([createTestDatabase(spec.source), createTestDatabase(spec.target)]);
  try {
    const read = (url: string) => withClient(url, readCatalog);
    const [source, target] = await Promise.all([read(a.url), read(b.url)]);
    const state = (s: typeof source, label: string) => ({
      label,
      fingerprint: s.fingerprint,
      digest: s.digest,
    });
    const built = buildPlan({
      id: `test_${spec.name ?? "plan"}_${a.name.slice(-6)}`,
      name: spec.name ?? "plan",
      source: state(source, "source.sql"),
      target: state(target, "target.sql"),
      options: { allowDestructive: true, downtimeAllowed: false, renames: [] },
      forward: diffSchemas(source.model, target.model),
      rollback: diffSchemas(target.model, source.model),
      models: { source: source.model, target: target.model },
    });
    const forwardSteps = spec.edit ? renumber(spec.edit(built.forwardSteps)) : built.forwardSteps;
    const plan: MigrationPlan = {
      ...built,
      forwardSteps,
      scripts: {
        ...built.scripts,
        "forward.sql": renderScript({ title: "migrate-mcp forward script", lines: [] }, forwardSteps),
      },
    };
    const dir = await mkdtemp(join(tmpdir(), "mm-plan-"));
    await writePlanDirectory(dir, plan, "2025-01-01T00:00:00.000Z");
    return { dir, plan };
  } finally {
    await Promise.all([a.drop(), b.drop()]);
  }
}

/**
 * One plan directory for all the tests of a file that only read it, built on first use and removed after
 * the file's tests. Call at the top level of the file or of a describe block.
 */
export function sharedPlan(spec: PlanSpec): () => Promise<{ dir: string; plan: MigrationPlan }> {
  let made: Promise<{ dir: string; plan: MigrationPlan }> | undefined;
  afterAll(async () => {
    if (made) await rm((await made).dir, { recursive: true, force: true });
  });
  return () => {
    made ??= writeTestPlan(spec);
    return made;
  };
}

function renumber(steps: Step[]): Step[] {
  return steps.map((step, index) => ({ ...step, id: String(index + 1).padStart(3, "0") }));
}

/**
 * A plan edit for SHOP → SHOP_V2: right after the step that adds orders.amount_cents, a backfill that fills
 * it from amount in batches of `batchSize`.
 */
export function withCentsBackfill(batchSize: number): (steps: Step[]) => Step[] {
  return (steps) => {
    const at = steps.findIndex((s) => s.summary.includes("amount_cents"));
    const fill = backfillStep(
      "public.orders",
      "amount_cents = amount * 100",
      "amount_cents IS NULL",
      batchSize,
    );
    return [...steps.slice(0, at + 1), fill, ...steps.slice(at + 1)];
  };
}

// Sleeps 60 s, unless the database sets mm_test.sleep = off: a long statement only a cancel on the server stops.
export const SLEEP =
  "SELECT pg_sleep(CASE WHEN current_setting('mm_test.sleep', true) = 'off' THEN 0 ELSE 60 END)";

/** A plan edit for SHOP → SHOP_V2: the step that adds orders.amount_cents also sleeps in its transaction. */
export function withSleepInCentsStep(steps: Step[]): Step[] {
  return steps.map((step) =>
    step.summary.includes("amount_cents")
      ? { ...step, statements: [...step.statements, { sql: SLEEP, transactional: true }] }
      : step,
  );
}

/**
 * The SHOP → SHOP_V2 plans the cancellation tests stop part way, each written once per test file: one with a
 * backfill in batches of `batchSize` after the amount_cents step, one whose amount_cents step sleeps 60 s in
 * its transaction (mm_test.sleep = off skips it).
 */
export function interruptiblePlans(prefix: string, batchSize: number) {
  const plan = (name: string, edit: (steps: Step[]) => Step[]) =>
    sharedPlan({ source: SHOP, target: SHOP_V2, name: `${prefix}_${name}`, edit });
  return {
    backfillPlan: plan("backfill", withCentsBackfill(batchSize)),
    sleepingPlan: plan("sleep", withSleepInCentsStep),
  };
}

/** A backfill step written by hand, as the zero-downtime planner would emit it. */
export function backfillStep(table: string, set: string, pending: string, batchSize: number): Step {
  return {
    id: "000",
    summary: `backfill ${table}`,
    objectId: `table:${table}`,
    kind: "table",
    action: "alter",
    phase: "backfill",
    statements: [{ sql: `UPDATE ${table} SET ${set} WHERE ${pending}`, transactional: true }],
    backfill: { table, key: ["id"], set, pending, batchSize },
    verify: `SELECT NOT EXISTS (SELECT 1 FROM ${table} WHERE ${pending}) AS ok`,
    lockLevel: "ROW EXCLUSIVE",
    lockTimeoutMs: 2000,
    statementTimeoutMs: null,
    hazards: [],
    estimate: null,
    destructive: false,
    transactional: true,
  };
}

export async function tamper(dir: string, file: string, edit: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, edit(await readFile(path, "utf8")));
}

/** Fingerprint of a database's schema. */
export async function schemaOf(url: string): Promise<string> {
  return withClient(url, async (client) => (await readCatalog(client)).fingerprint);
}

/** md5 of every row of each table, in key order: equal data gives equal checksums. */
export async function tableChecksums(url: string, tables: string[]): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const out: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await client.query<{ sum: string; n: string }>(
        `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.id), '')) AS sum, count(*) AS n FROM ${table} t`,
      );
      out[table] = `${rows[0]!.n}:${rows[0]!.sum}`;
    }
    return out;
  });
}

export async function journalRows<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(sql, params)).rows as T[]);
}

export async function hasJournal(url: string): Promise<boolean> {
  const rows = await journalRows<{ present: boolean }>(
    url,
    "SELECT to_regnamespace('migrate_mcp') IS NOT NULL AS present",
  );
  return rows[0]!.present;
}

/** Remove a plan directory after the test. */
export function cleanupLater(dir: string): void {
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
}

/**
 * The runner lock's holder and the client sessions still connected to the database besides this one, once
 * they are gone or 5 s have passed (a runner stops at its next boundary after a cancel, and a backend
 * leaves pg_stat_activity a moment after its client disconnected).
 * Autovacuum workers are not clients, so they are not counted.
 */
export async function runnerLeftovers(
  url: string,
): Promise<{ holder: LockHolder | null; sessions: string[] }> {
  const read = () =>
    withClient(url, async (client) => {
      const holder = await findLockHolder(client, RUNNER_LOCK);
      const { rows } = await client.query<{ what: string }>(
        `SELECT application_name || ': ' || query AS what FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      return { holder, sessions: rows.map((row) => row.what) };
    });
  let found: { holder: LockHolder | null; sessions: string[] } = { holder: null, sessions: [] };
  const notClear = new Error("a runner lock holder or client sessions remain");
  // Both are read again until both are clear: a runner can end between the two queries of one read.
  // When 5 s pass first, the last read is returned for the caller to show.
  await vi
    .waitFor(
      async () => {
        found = await read();
        if (found.sessions.length > 0 || found.holder !== null) throw notClear;
      },
      { timeout: 5000, interval: 50 },
    )
    .catch((error: unknown) => {
      if (error !== notClear) throw error;
    });
  return found;
}
