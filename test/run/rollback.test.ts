import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withClient } from "../../src/db/index.js";
import type { MigrateError } from "../../src/errors.js";
import { applyPlan } from "../../src/run/apply.js";
import { rollbackPlan } from "../../src/run/rollback.js";
import { runScript } from "../../src/run/script.js";
import { freshDatabase } from "../helpers/db.js";
import { SHOP, SHOP_TABLES, SHOP_V2, shopData } from "./fixtures.js";
import { journalRows, schemaOf, sharedPlan, tableChecksums } from "./helpers.js";

const shopPlan = sharedPlan({ source: SHOP, target: SHOP_V2, name: "shop" });

async function forwardStatuses(url: string): Promise<string[]> {
  const rows = await journalRows<{ status: string }>(
    url,
    "SELECT status FROM migrate_mcp.steps WHERE direction = 'forward' ORDER BY position",
  );
  return rows.map((r) => r.status);
}

describe("rollbackPlan", () => {
  it("undoes a complete run with the plan's rollback steps, and the plan applies again", async () => {
    const { dir, plan: p } = await shopPlan();
    const db = await freshDatabase(SHOP + shopData(200));
    const before = await tableChecksums(db.url, SHOP_TABLES);
    await applyPlan(dir, { databaseUrl: db.url });
    const result = await rollbackPlan(dir, { databaseUrl: db.url });
    expect(result).toMatchObject({ status: "rolled-back", mode: "plan", fingerprint: p.source.fingerprint });
    expect(result.steps.map((s) => s.id)).toEqual(p.rollbackSteps.map((s) => s.id));
    expect(await schemaOf(db.url)).toBe(p.source.fingerprint);
    expect(await tableChecksums(db.url, SHOP_TABLES)).toEqual(before);
    expect(new Set(await forwardStatuses(db.url))).toEqual(new Set(["rolled_back"]));

    expect((await rollbackPlan(dir, { databaseUrl: db.url })).status).toBe("nothing-to-do");
    expect((await applyPlan(dir, { databaseUrl: db.url })).status).toBe("applied");
    expect(await schemaOf(db.url)).toBe(p.target.fingerprint);
  });

  it("undoes a partial run by diffing the current schema against the source", async () => {
    const { dir, plan: p } = await shopPlan();
    const db = await freshDatabase(SHOP + shopData(50));
    const before = await tableChecksums(db.url, SHOP_TABLES);
    await applyPlan(dir, { databaseUrl: db.url, to: p.forwardSteps[1]!.id });
    const result = await rollbackPlan(dir, { databaseUrl: db.url });
    expect(result).toMatchObject({ status: "rolled-back", mode: "recomputed" });
    expect(await schemaOf(db.url)).toBe(p.source.fingerprint);
    expect(await tableChecksums(db.url, SHOP_TABLES)).toEqual(before);
  });

  it("rolls back --to a step, then apply resumes after it", async () => {
    const { dir, plan: p } = await shopPlan();
    const db = await freshDatabase(SHOP + shopData(50));
    const keep = p.forwardSteps[1]!.id;
    await applyPlan(dir, { databaseUrl: db.url });
    const recorded = await journalRows<{ fingerprint_after: string }>(
      db.url,
      "SELECT fingerprint_after FROM migrate_mcp.steps WHERE direction = 'forward' AND step_id = $1",
      [keep],
    );
    const result = await rollbackPlan(dir, { databaseUrl: db.url, to: keep });
    expect(result.status).toBe("rolled-back");
    expect(await schemaOf(db.url)).toBe(recorded[0]!.fingerprint_after);
    expect(await forwardStatuses(db.url)).toEqual(
      p.forwardSteps.map((_, i) => (i <= 1 ? "done" : "rolled_back")),
    );
    const again = await applyPlan(dir, { databaseUrl: db.url });
    expect(again.steps.filter((s) => s.outcome === "done").map((s) => s.id)).toEqual(
      p.forwardSteps.slice(2).map((s) => s.id),
    );
    expect(await schemaOf(db.url)).toBe(p.target.fingerprint);
  });
  it("undoes a target reached outside the journal (forward.sql run by psql)", async () => {
    const { dir, plan: p } = await shopPlan();
    const db = await freshDatabase(SHOP + shopData(20));
    const before = await tableChecksums(db.url, SHOP_TABLES);
    const forward = await readFile(join(dir, "forward.sql"), "utf8");
    await withClient(db.url, (client) => runScript(client, forward, "forward.sql"));
    expect(await schemaOf(db.url)).toBe(p.target.fingerprint);
    const result = await rollbackPlan(dir, { databaseUrl: db.url });
    expect(result).toMatchObject({ status: "rolled-back", mode: "plan" });
    expect(await schemaOf(db.url)).toBe(p.source.fingerprint);
    expect(await tableChecksums(db.url, SHOP_TABLES)).toEqual(before);
  });
});

describe("a step that fails half way", () => {
  const violatedPlan = sharedPlan({
    source: SHOP,
    target: `${SHOP_V2} ALTER TABLE public.orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0);`,
    name: "violated",
  });
  const badRow = "INSERT INTO public.orders VALUES (100000, 1, -5, 'refund');";

  it("is rolled back at once with the automatic strategy: schema and data as before", async () => {
    const { dir, plan: p } = await violatedPlan();
    const db = await freshDatabase(SHOP + shopData(300) + badRow);
    const before = await tableChecksums(db.url, SHOP_TABLES);
    const error = await applyPlan(dir, { databaseUrl: db.url, rollbackStrategy: "automatic" }).catch(
      (e: unknown) => e,
    );
    expect((error as MigrateError).code).toBe("MIGRATION_FAILED");
    expect((error as MigrateError).message).toMatch(
      /orders_amount_positive.*violated by some row.*rolled back automatically/,
    );
    expect(await schemaOf(db.url)).toBe(p.source.fingerprint);
    expect(await tableChecksums(db.url, SHOP_TABLES)).toEqual(before);
    const runs = await journalRows<{ operation: string; status: string }>(
      db.url,
      "SELECT operation, status FROM migrate_mcp.history ORDER BY id",
    );
    expect(runs).toEqual([
      { operation: "apply", status: "failed" },
      { operation: "rollback", status: "succeeded" },
    ]);
  });

  it("stops with the exact commands under the manual strategy; rollback then restores the source", async () => {
    const { dir, plan: p } = await violatedPlan();
    const db = await freshDatabase(SHOP + shopData(30) + badRow);
    const before = await tableChecksums(db.url, SHOP_TABLES);
    const error = await applyPlan(dir, { databaseUrl: db.url }).catch((e: unknown) => e);
    expect((error as MigrateError).message).toContain(`migrate-mcp rollback ${dir} --db`);
    expect((error as MigrateError).message).toContain(`migrate-mcp apply ${dir} --db`);
    expect(await schemaOf(db.url)).not.toBe(p.source.fingerprint);
    const statuses = await forwardStatuses(db.url);
    expect(statuses).toContain("failed");
    await rollbackPlan(dir, { databaseUrl: db.url });
    expect(await schemaOf(db.url)).toBe(p.source.fingerprint);
    expect(await tableChecksums(db.url, SHOP_TABLES)).toEqual(before);
  });
});
