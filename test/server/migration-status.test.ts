import { describe, expect, it } from "vitest";
import { z } from "zod";
import { migrationStatusOutput } from "../../src/server/tools/migration-status.js";
import { callOk, callTool, connectClient, errorLine, projectDir } from "./client.js";
import { executionSetup } from "./execution-helpers.js";

const statusSchema = z.object(migrationStatusOutput).strict();

describe("migration_status", () => {
  it("reports a plan not started, then applied with its run in the history", async () => {
    const { client, planId } = await executionSetup();
    const before = await callOk(
      client,
      "migration_status",
      { database: "app", plan_id: planId },
      statusSchema,
    );
    expect(before.plan).toMatchObject({ id: planId, state: "not started", done: 0 });
    await callTool(client, "run_migration_step", { plan_id: planId, database: "app", step: "all" });
    const after = await callOk(
      client,
      "migration_status",
      { database: "app", plan_id: planId },
      statusSchema,
    );
    expect(after.plan).toMatchObject({ state: "applied", current: null });
    expect(after.plan?.done).toBe(after.plan?.total);
    expect(after.drift.drifted).toBe(false);
    const history = await callOk(client, "migration_status", { database: "app" }, statusSchema);
    expect(history.plan).toBeNull();
    expect(history.history).toEqual([
      expect.objectContaining({ planId, operation: "apply", status: "succeeded" }),
    ]);
  });

  it("is available in read-only mode, where the execution tools are not", async () => {
    const client = await connectClient({ cwd: await projectDir(), readOnly: true });
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toContain("migration_status");
    for (const name of [
      "rehearse_migration",
      "run_migration_step",
      "verify_migration",
      "rollback_migration",
    ]) {
      expect(names).not.toContain(name);
      expect(errorLine(await callTool(client, name, { plan_id: "x", database: "default" }))).toMatch(
        /not found/i,
      );
    }
  });
});
