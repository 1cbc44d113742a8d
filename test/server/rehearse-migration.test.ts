import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { rehearseMigrationOutput } from "../../src/server/tools/rehearse-migration.js";
import { callOk, callTool, errorLine } from "./client.js";
import { executionSetup } from "./execution-helpers.js";

const proofSchema = z.object(rehearseMigrationOutput).strict();

describe("rehearse_migration", () => {
  it("rehearses a generated plan on a shadow and records the proof in plan.yaml", async () => {
    const { client, planId, planDir } = await executionSetup();
    const proof = await callOk(
      client,
      "rehearse_migration",
      { plan_id: planId, database: "app" },
      proofSchema,
    );
    expect(proof).toMatchObject({ planId, status: "passed", fingerprintRestored: true, error: null });
    expect(proof.forward.length).toBeGreaterThan(0);
    expect(proof.database).not.toMatch(/:[^:@/]+@/);
    expect(await readFile(join(planDir, "plan.yaml"), "utf8")).toMatch(/^rehearsal:\n {2}status: passed/m);
  });

  it("refuses an id that is not a plan, and a tampered plan", async () => {
    const { client, planId, planDir } = await executionSetup();
    const missing = await callTool(client, "rehearse_migration", { plan_id: "../etc", database: "app" });
    expect(errorLine(missing)).toMatch(/^PLAN_INVALID: "..\/etc" is not a plan/);
    await writeFile(join(planDir, "forward.sql"), "DROP TABLE orders;\n");
    const tampered = await callTool(client, "rehearse_migration", { plan_id: planId, database: "app" });
    expect(tampered.isError).toBe(true);
    expect(errorLine(tampered)).toMatch(/^PLAN_INVALID: .*forward\.sql/);
  });
});
