import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/run/apply.js";
import { rollbackPlan } from "../../src/run/rollback.js";
import { freshDatabase } from "../helpers/db.js";
import { SHOP, shopData } from "./fixtures.js";
import { journalRows, schemaOf, sharedPlan } from "./helpers.js";

// The online planner's forms: a volatile default added empty and backfilled, a type change through a
// synced shadow column, and a dropped column whose values are moved aside into migrate_mcp_trash.
const plan = sharedPlan({
  source: SHOP,
  target: `${SHOP}
ALTER TABLE public.orders ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE public.orders DROP COLUMN note;
ALTER TABLE public.orders ALTER COLUMN amount TYPE bigint;`,
  name: "aside",
});

// Column order changes when a column comes back, so rows are compared by named columns.
const ORDERS_DATA = `SELECT md5(string_agg(concat_ws(',', id, customer_id, amount, note), E'\\n' ORDER BY id)) AS sum
  FROM public.orders`;

async function ordersData(url: string): Promise<string> {
  return (await journalRows<{ sum: string }>(url, ORDERS_DATA))[0]!.sum;
}

function pgDumpMajor(): number | null {
  try {
    return Number(/(\d+)/.exec(execFileSync("pg_dump", ["--version"], { encoding: "utf8" }))?.[1]);
  } catch {
    return null;
  }
}

async function serverMajor(url: string): Promise<number> {
  const [row] = await journalRows<{ v: string }>(url, "SELECT current_setting('server_version_num') AS v");
  return Math.floor(Number(row!.v) / 10000);
}

describe("data moved aside", () => {
  it("is backed up in migrate_mcp_backup first, and restored by rollback", async () => {
    const { dir, plan: p } = await plan();
    const db = await freshDatabase(SHOP + shopData(300));
    const before = await ordersData(db.url);
    const result = await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0, backupMethod: "copy" });
    expect(result.status).toBe("applied");
    const dropStep = p.forwardSteps.find((s) => s.summary.startsWith("drop column public.orders.note"))!;
    expect(result.backups).toEqual([
      expect.objectContaining({ stepId: dropStep.id, method: "copy", tables: ["public.orders"] }),
    ]);
    const copy = result.backups[0]!.location;
    // Rows are kept as their text, so the copy never depends on types the plan may drop.
    const [kept] = await journalRows<{ n: string; notes: string }>(
      db.url,
      `SELECT count(*) AS n, count(*) FILTER (WHERE kept_row LIKE '%"note %') AS notes FROM ${copy}`,
    );
    expect(kept).toEqual({ n: "300", notes: "300" });
    const recorded = await journalRows<{ location: string }>(
      db.url,
      "SELECT b->>'location' AS location FROM migrate_mcp.history h, jsonb_array_elements(h.backups) b",
    );
    expect(recorded).toEqual([{ location: copy }]);

    const rolledBack = await rollbackPlan(dir, { databaseUrl: db.url, backupMethod: "copy" });
    expect(rolledBack.mode).toBe("plan");
    expect(await schemaOf(db.url)).toBe(p.source.fingerprint);
    expect(await ordersData(db.url)).toBe(before);
  });

  it("is backed up with pg_dump, checked by pg_restore --list, when pg_dump matches the server", async (context) => {
    const db = await freshDatabase(SHOP + shopData(50));
    const dumpMajor = pgDumpMajor();
    if (dumpMajor !== (await serverMajor(db.url))) {
      context.skip(`pg_dump ${dumpMajor ?? "none"} does not match the server`);
    }
    const { dir } = await plan();
    const backupDir = await mkdtemp(join(tmpdir(), "mm-backup-"));
    context.onTestFinished(() => rm(backupDir, { recursive: true, force: true }));
    const result = await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0, backupDir });
    expect(result.backups).toHaveLength(1);
    const backup = result.backups[0]!;
    expect(backup.method).toBe("pg_dump");
    expect(backup.location.startsWith(backupDir)).toBe(true);
    expect(existsSync(backup.location)).toBe(true);
    const listing = execFileSync("pg_restore", ["--list", backup.location], { encoding: "utf8" });
    expect(listing).toMatch(/TABLE DATA public orders /);
  });
});
