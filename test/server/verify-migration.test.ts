import { describe, expect, it } from "vitest";
import { z } from "zod";
import { verifyMigrationOutput } from "../../src/server/tools/verify-migration.js";
import { callOk } from "./client.js";
import { executionSetup } from "./execution-helpers.js";

const reportSchema = z.object(verifyMigrationOutput).strict();

describe("verify_migration", () => {
  it("fails before the plan runs, passes after it, and runs thorough for comprehensive with a note", async () => {
    const { client, planId } = await executionSetup();
    const before = await callOk(
      client,
      "verify_migration",
      { plan_id: planId, database: "app" },
      reportSchema,
    );
    expect(before).toMatchObject({ planId, level: "basic", ok: false, note: null });
    expect(before.schema.ok).toBe(false);
    await callOk(client, "run_migration_step", { plan_id: planId, database: "app", step: "all" });
    const after = await callOk(
      client,
      "verify_migration",
      { plan_id: planId, database: "app", level: "comprehensive" },
      reportSchema,
    );
    expect(after).toMatchObject({
      ok: true,
      level: "thorough",
      note: expect.stringMatching(/ran thorough$/),
    });
    expect(after.tables).toEqual([{ table: "public.orders", rows: 50, checksum: expect.any(String) }]);
    expect(after.checks.length).toBeGreaterThan(0);
  });
});
