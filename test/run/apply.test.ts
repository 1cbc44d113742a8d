import { describe, expect, it } from "vitest";
import type { MigrateError } from "../../src/errors.js";
import { applyPlan } from "../../src/run/apply.js";
import type { RunEvent } from "../../src/run/events.js";
import { freshDatabase } from "../helpers/db.js";
import { SHOP, SHOP_V2, shopData } from "./fixtures.js";
import { cleanupLater, hasJournal, journalRows, schemaOf, sharedPlan, tamper, testPlan } from "./helpers.js";

const shopPlan = sharedPlan({ source: SHOP, target: SHOP_V2, name: "shop" });

describe("applyPlan", () => {
  it("applies every step through the journal, then recognises the target on a second run", async () => {
    const { dir, plan } = await shopPlan();
    const db = await freshDatabase(SHOP + shopData(100));
    const events: RunEvent[] = [];
    const result = await applyPlan(dir, { databaseUrl: db.url, onEvent: (e) => events.push(e) });
    expect(result.status).toBe("applied");
    expect(result.fingerprint).toBe(plan.target.fingerprint);
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
    expect(result.warnings[0]).toMatch(/no passed rehearsal/);
    const steps = await journalRows<{ step_id: string; status: string; fingerprint_after: string }>(
      db.url,
      "SELECT step_id, status, fingerprint_after FROM migrate_mcp.steps WHERE direction = 'forward' ORDER BY position",
    );
    expect(steps.map((s) => s.step_id)).toEqual(plan.forwardSteps.map((s) => s.id));
    expect(steps.every((s) => s.status === "done")).toBe(true);
    expect(steps.at(-1)!.fingerprint_after).toBe(plan.target.fingerprint);
    const history = await journalRows<{ status: string; operation: string; script_hashes: object }>(
      db.url,
      "SELECT status, operation, script_hashes FROM migrate_mcp.history",
    );
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: "succeeded", operation: "apply" });
    expect(Object.keys(history[0]!.script_hashes)).toContain("forward.sql");
    expect(events.filter((e) => e.type === "step-finished")).toHaveLength(plan.forwardSteps.length);

    const again = await applyPlan(dir, { databaseUrl: db.url });
    expect(again.status).toBe("already-applied");
    expect(again.steps).toEqual([]);
  });

  it("runs --to and --step part of the plan, then resumes the rest", async () => {
    const { dir, plan } = await shopPlan();
    const db = await freshDatabase(SHOP);
    const ids = plan.forwardSteps.map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const first = await applyPlan(dir, { databaseUrl: db.url, to: ids[0] });
    expect(first.status).toBe("partial");
    expect(first.steps.map((s) => s.id)).toEqual([ids[0]]);
    const skip = await applyPlan(dir, { databaseUrl: db.url, step: ids[2] }).catch((e: unknown) => e);
    expect((skip as MigrateError).message).toMatch(`needs step(s) ${ids[1]} applied first`);
    const second = await applyPlan(dir, { databaseUrl: db.url, step: ids[1] });
    expect(second.steps.map((s) => [s.id, s.outcome])).toEqual([[ids[1], "done"]]);
    const rest = await applyPlan(dir, { databaseUrl: db.url });
    expect(rest.status).toBe("applied");
    expect(rest.steps.filter((s) => s.outcome === "done").map((s) => s.id)).toEqual(ids.slice(2));
    expect(await schemaOf(db.url)).toBe(plan.target.fingerprint);
  });

  it("refuses without a rehearsal when one is required, before touching the database", async () => {
    const { dir } = await shopPlan();
    const db = await freshDatabase(SHOP);
    const error = await applyPlan(dir, { databaseUrl: db.url, requireRehearsal: true }).catch(
      (e: unknown) => e,
    );
    expect((error as MigrateError).code).toBe("REHEARSAL_REQUIRED");
    expect((error as MigrateError).message).toMatch(/never been rehearsed.*migrate-mcp rehearse/);
    expect(await hasJournal(db.url)).toBe(false);
  });
});

describe("refusals leave the database unchanged", () => {
  it("drift after a partial run, against the state the journal recorded", async () => {
    const { dir, plan } = await shopPlan();
    const db = await freshDatabase(SHOP);
    const first = plan.forwardSteps[0]!.id;
    await applyPlan(dir, { databaseUrl: db.url, to: first });
    await journalRows(db.url, "CREATE INDEX orders_note_idx ON public.orders (note)");
    const before = await schemaOf(db.url);
    const error = await applyPlan(dir, { databaseUrl: db.url }).catch((e: unknown) => e);
    expect((error as MigrateError).code).toBe("DRIFT_DETECTED");
    expect((error as MigrateError).message).toMatch(
      new RegExp(`expected the state after step ${first} .* create index public\\.orders_note_idx`),
    );
    expect(await schemaOf(db.url)).toBe(before);
    const runs = await journalRows<{ n: string }>(db.url, "SELECT count(*) AS n FROM migrate_mcp.history");
    expect(runs[0]!.n).toBe("1");
  });

  it("a tampered forward.sql", async () => {
    const { dir, plan } = await testPlan({ source: SHOP, target: SHOP_V2, name: "tampered" });
    cleanupLater(dir);
    const db = await freshDatabase(SHOP);
    await tamper(dir, "forward.sql", (text) => `${text}\nDROP TABLE public.customers CASCADE;\n`);
    const error = await applyPlan(dir, { databaseUrl: db.url }).catch((e: unknown) => e);
    expect((error as MigrateError).code).toBe("PLAN_INVALID");
    expect((error as MigrateError).message).toMatch(/forward\.sql .* was changed after planning/);
    expect(await schemaOf(db.url)).toBe(plan.source.fingerprint);
    expect(await hasJournal(db.url)).toBe(false);
  });

  it("a plan.yaml that no longer records a model's hash, so the model could be anything", async () => {
    const { dir, plan } = await testPlan({ source: SHOP, target: SHOP_V2, name: "unhashed" });
    cleanupLater(dir);
    const db = await freshDatabase(SHOP);
    await tamper(dir, "plan.yaml", (text) => text.replace(/^ {2}source-model\.json: .*\n/m, ""));
    await tamper(dir, "source-model.json", () => '{"objects":{}}\n');
    const error = await applyPlan(dir, { databaseUrl: db.url }).catch((e: unknown) => e);
    expect((error as MigrateError).code).toBe("PLAN_INVALID");
    expect((error as MigrateError).message).toMatch(/does not record the hash of source-model\.json/);
    expect(await schemaOf(db.url)).toBe(plan.source.fingerprint);
    expect(await hasJournal(db.url)).toBe(false);
  });

  it("a drifted target, naming what changed", async () => {
    const { dir } = await shopPlan();
    const db = await freshDatabase(`${SHOP} ALTER TABLE public.orders ADD COLUMN extra text;`);
    const before = await schemaOf(db.url);
    const error = await applyPlan(dir, { databaseUrl: db.url }).catch((e: unknown) => e);
    expect((error as MigrateError).code).toBe("DRIFT_DETECTED");
    expect((error as MigrateError).message).toMatch(
      /drifted .* expected the plan's source .* create column public\.orders\.extra/,
    );
    expect(await schemaOf(db.url)).toBe(before);
    expect(await hasJournal(db.url)).toBe(false);
  });

  it("the wrong database", async () => {
    const { dir } = await shopPlan();
    const db = await freshDatabase(
      "CREATE TABLE public.inventory (sku text PRIMARY KEY, qty int); CREATE TABLE public.bins (id int PRIMARY KEY);",
    );
    const before = await schemaOf(db.url);
    const error = await applyPlan(dir, { databaseUrl: db.url }).catch((e: unknown) => e);
    expect((error as MigrateError).code).toBe("WRONG_DATABASE");
    expect((error as MigrateError).message).toMatch(`database "${db.name}" is not the source of plan`);
    expect(await schemaOf(db.url)).toBe(before);
    expect(await hasJournal(db.url)).toBe(false);
  });
});
