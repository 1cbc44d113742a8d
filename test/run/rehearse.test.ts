import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { MigrateError } from "../../src/errors.js";
import { readPlan } from "../../src/plan/read.js";
import { applyPlan } from "../../src/run/apply.js";
import { type RehearsalProof, recordRehearsal } from "../../src/run/rehearsal-proof.js";
import { rehearsePlan } from "../../src/run/rehearse.js";
import { runCli } from "../helpers/cli.js";
import { freshDatabase } from "../helpers/db.js";
import { SHOP, SHOP_V2, shopData } from "./fixtures.js";
import { cleanupLater, hasJournal, journalRows, schemaOf, testPlan, withCentsBackfill } from "./helpers.js";

describe("rehearse", () => {
  it("proves forward, verify, rollback, fingerprint and forward again on a shadow, and records it", async () => {
    const made = await testPlan({
      source: SHOP,
      target: SHOP_V2,
      name: "rehearse",
      edit: withCentsBackfill(20),
    });
    cleanupLater(made.dir);
    const db = await freshDatabase(SHOP + shopData(300));
    const yamlBefore = await readFile(join(made.dir, "plan.yaml"), "utf8");

    const result = await runCli(["--json", "rehearse", made.dir, "--db", db.url, "--with-data", "20"]);
    expect(result.code, result.stderr).toBe(0);
    const proof = JSON.parse(result.stdout) as RehearsalProof;
    expect(proof).toMatchObject({ status: "passed", withData: 20, fingerprintRestored: true, error: null });
    expect(proof.originalFingerprint).toBe(made.plan.source.fingerprint);
    expect(proof.forward.map((s) => s.id)).toEqual(made.plan.forwardSteps.map((s) => s.id));
    expect(proof.forwardAgain.map((s) => s.id)).toEqual(made.plan.forwardSteps.map((s) => s.id));
    expect(proof.rollback.map((s) => s.id)).toEqual(made.plan.rollbackSteps.map((s) => s.id));
    expect(proof.verify.ok).toBe(true);

    // Only the rehearsal key changed; every hash still checks out.
    const yamlAfter = await readFile(join(made.dir, "plan.yaml"), "utf8");
    expect(yamlAfter.startsWith(yamlBefore.trimEnd())).toBe(true);
    expect(parse(yamlAfter).rehearsal.status).toBe("passed");
    await expect(readPlan(made.dir)).resolves.toBeTruthy();
    // A later proof replaces the key; the rest of the file is still untouched.
    await recordRehearsal(made.dir, { ...proof, status: "failed", error: "second proof" });
    const yamlReplaced = await readFile(join(made.dir, "plan.yaml"), "utf8");
    expect(yamlReplaced.startsWith(yamlBefore.trimEnd())).toBe(true);
    expect(yamlReplaced.match(/^rehearsal:/gm)).toHaveLength(1);
    expect(parse(yamlReplaced).rehearsal).toMatchObject({ status: "failed", error: "second proof" });
    await recordRehearsal(made.dir, proof);

    // The target itself was only read, and the shadow is gone.
    expect(await schemaOf(db.url)).toBe(made.plan.source.fingerprint);
    expect(await hasJournal(db.url)).toBe(false);
    // Server-wide: other test files rehearse on the same server in parallel, and their shadows live a few
    // seconds; a shadow this rehearsal leaked would stay for good.
    await expect
      .poll(
        () =>
          journalRows<{ datname: string }>(
            db.url,
            "SELECT datname FROM pg_database WHERE datname LIKE 'migrate\\_mcp\\_rehearse\\_%'",
          ),
        { timeout: 30_000, interval: 250 },
      )
      .toEqual([]);

    const applied = await applyPlan(made.dir, { databaseUrl: db.url, requireRehearsal: true, throttleMs: 0 });
    expect(applied).toMatchObject({ status: "applied", warnings: [] });
  });

  it("records a failed proof when the sample data breaks the plan, and apply then refuses", async () => {
    const made = await testPlan({
      source: SHOP,
      target: `${SHOP} ALTER TABLE public.orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0);`,
      name: "rehearse-fail",
    });
    cleanupLater(made.dir);
    const db = await freshDatabase(
      `${SHOP}${shopData(10)} UPDATE public.orders SET amount = -1 WHERE id = 3;`,
    );
    const error = await rehearsePlan(made.dir, { databaseUrl: db.url, withData: 100 }).catch(
      (e: unknown) => e,
    );
    expect((error as MigrateError).code).toBe("MIGRATION_FAILED");
    expect((error as MigrateError).message).toMatch(
      /rehearsal of plan .* failed at forward: .*orders_amount_positive/,
    );
    const { plan } = await readPlan(made.dir);
    expect(plan.rehearsal).toMatchObject({ status: "failed", fingerprintRestored: false });
    const refused = await applyPlan(made.dir, { databaseUrl: db.url, requireRehearsal: true }).catch(
      (e: unknown) => e,
    );
    expect((refused as MigrateError).code).toBe("REHEARSAL_REQUIRED");
    expect((refused as MigrateError).message).toMatch(/its last rehearsal failed/);
    expect(await hasJournal(db.url)).toBe(false);
  });
});
