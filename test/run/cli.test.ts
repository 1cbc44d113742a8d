import { describe, expect, it, vi } from "vitest";
import { withClient } from "../../src/db/index.js";
import { findLockHolder } from "../../src/db/lock.js";
import { applyPlan } from "../../src/run/apply.js";
import { RUNNER_LOCK } from "../../src/run/session.js";
import type { StatusReport } from "../../src/run/status.js";
import type { VerifyReport } from "../../src/run/verify.js";
import { runCli, spawnCli } from "../helpers/cli.js";
import { freshDatabase } from "../helpers/db.js";
import { SHOP, SHOP_V2, shopData } from "./fixtures.js";
import { hasJournal, journalRows, schemaOf, sharedPlan, withCentsBackfill } from "./helpers.js";

const backfillPlan = sharedPlan({
  source: SHOP,
  target: SHOP_V2,
  name: "cli",
  edit: withCentsBackfill(100),
});

describe("two concurrent runners", () => {
  it("the second waits, then gives up naming the first, and changes nothing", async () => {
    const { dir, plan } = await backfillPlan();
    const db = await freshDatabase(SHOP + shopData(1000));
    // The first runner sleeps a minute after each backfill batch, so it holds the lock while we look.
    const { child: first, exit: firstExit } = spawnCli([
      "apply",
      dir,
      "--db",
      db.url,
      "--throttle",
      "60000",
      "--json",
    ]);
    try {
      // Wait until it sleeps after its first backfill batch: from then on its schema stays put.
      await vi.waitFor(
        async () => {
          expect(await hasJournal(db.url), "journal created").toBe(true);
          const [row] = await journalRows<{ n: string }>(
            db.url,
            "SELECT sum(rows_done) AS n FROM migrate_mcp.steps",
          );
          expect(Number(row!.n), "rows backfilled").toBeGreaterThan(0);
        },
        { timeout: 60_000, interval: 100 },
      );
      const holder = await withClient(db.url, (client) => findLockHolder(client, RUNNER_LOCK));
      expect(holder?.applicationName).toBe(`migrate-mcp apply ${plan.id}`);
      const before = await schemaOf(db.url);
      const second = await runCli(["apply", dir, "--db", db.url, "--lock-wait", "0.5"]);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`is held by pid ${holder!.pid}`);
      expect(second.stderr).toContain(`application "migrate-mcp apply ${plan.id}"`);
      expect(await schemaOf(db.url)).toBe(before);
      const status = JSON.parse(
        (await runCli(["--json", "status", dir, "--db", db.url])).stdout,
      ) as StatusReport;
      expect(status.lockHolder?.pid).toBe(holder!.pid);
      expect(status.plan).toMatchObject({ state: "in progress", current: "003" });
      const runs = await journalRows<{ operation: string; status: string }>(
        db.url,
        "SELECT operation, status FROM migrate_mcp.history",
      );
      expect(runs).toEqual([{ operation: "apply", status: "running" }]);
    } finally {
      first.kill("SIGKILL");
      expect((await firstExit).signal).toBe("SIGKILL");
    }
  });
});

describe("verify", () => {
  it("passes a migrated database at the thorough level and stores the report in history", async () => {
    const { dir } = await backfillPlan();
    const db = await freshDatabase(SHOP + shopData(200));
    await applyPlan(dir, { databaseUrl: db.url, throttleMs: 0 });
    const result = await runCli(["--json", "verify", dir, "--db", db.url, "--level", "thorough"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as VerifyReport;
    expect(report.ok).toBe(true);
    expect(report.tables.find((t) => t.table === "public.orders")).toMatchObject({ rows: 200 });
    expect(report.tables.every((t) => /^[0-9a-f]{32}$/.test(t.checksum ?? ""))).toBe(true);
    expect(report.checks.map((c) => c.name)).toContain(
      "foreign key orders_customer_id_fkey on public.orders",
    );
    const stored = await journalRows<{ status: string; ok: boolean }>(
      db.url,
      "SELECT status, (validation->>'ok')::boolean AS ok FROM migrate_mcp.history WHERE operation = 'verify'",
    );
    expect(stored).toEqual([{ status: "succeeded", ok: true }]);
  });

  it("fails with exit code 1 naming what is missing, orphans and constraints left NOT VALID", async () => {
    const { dir } = await backfillPlan();
    const db = await freshDatabase(`${SHOP}${shopData(20)}
      ALTER TABLE public.orders DROP CONSTRAINT orders_customer_id_fkey;
      INSERT INTO public.orders VALUES (9999, 424242, 5, 'orphan');
      ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey
        FOREIGN KEY (customer_id) REFERENCES public.customers (id) NOT VALID;`);
    const result = await runCli(["verify", dir, "--db", db.url, "--level", "thorough"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not pass thorough verification .* schema equals the plan's target/);
    expect(result.stdout).toMatch(/create column public\.orders\.amount_cents/);
    expect(result.stdout).toMatch(
      /foreign key orders_customer_id_fkey on public\.orders \| FAILED \| 1 row\(s\)/,
    );
    expect(result.stdout).toMatch(
      /constraints validated \| FAILED \| not validated: orders_customer_id_fkey/,
    );
  });
});

describe("status", () => {
  it("shows a paused plan's progress, then drift once someone changes the schema by hand", async () => {
    const { dir, plan } = await backfillPlan();
    const db = await freshDatabase(SHOP + shopData(1000));
    await applyPlan(dir, { databaseUrl: db.url, pauseAt: 0.2, throttleMs: 0 });
    const paused = await runCli(["--json", "status", dir, "--db", db.url]);
    expect(paused.code, paused.stderr).toBe(0);
    const report = JSON.parse(paused.stdout) as StatusReport;
    expect(report.plan).toMatchObject({ id: plan.id, state: "paused", current: "003", done: 2 });
    expect(report.plan!.steps[2]).toMatchObject({
      status: "paused",
      rowsDone: 200,
      rowsTotal: 1000,
      percent: 20,
    });
    expect(report.drift).toMatchObject({ checked: true, drifted: false });
    expect(report.lockHolder).toBeNull();
    expect(report.history[0]).toMatchObject({ operation: "apply", status: "paused" });

    await journalRows(db.url, "CREATE TABLE public.surprise (id int)");
    const drifted = await runCli(["status", dir, "--db", db.url]);
    expect(drifted.stdout).toMatch(/plan .*: paused, 2\/\d+ steps done, at step 003/);
    expect(drifted.stdout).toMatch(/drift: DRIFTED — .*create table public\.surprise/);
    const overall = JSON.parse((await runCli(["--json", "status", "--db", db.url])).stdout) as StatusReport;
    expect(overall.plan).toBeNull();
    expect(overall.history.map((run) => run.planId)).toEqual([plan.id]);
  });
});
