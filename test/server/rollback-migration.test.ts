import { describe, expect, it } from "vitest";
import { z } from "zod";
import { rollbackMigrationOutput } from "../../src/server/tools/rollback-migration.js";
import { callOk, callTool, errorLine } from "./client.js";
import { columnsOf, elicitingClient, executionSetup } from "./execution-helpers.js";

const rollbackSchema = z.object(rollbackMigrationOutput).strict();

describe("rollback_migration", () => {
  it("needs confirm: plan id without elicitation, then rolls an applied plan back to its source", async () => {
    const { client, planId, app } = await executionSetup();
    await callOk(client, "run_migration_step", { plan_id: planId, database: "app", step: "all" });
    const refused = await callTool(client, "rollback_migration", { plan_id: planId, database: "app" });
    expect(errorLine(refused)).toMatch(new RegExp(`^DESTRUCTIVE: rolling back .*confirm: "${planId}"`));
    expect(await columnsOf(app.url)).toEqual(["orders.email", "orders.id", "orders.note"]);
    const result = await callOk(
      client,
      "rollback_migration",
      { plan_id: planId, database: "app", confirm: planId },
      rollbackSchema,
    );
    expect(result).toMatchObject({
      planId,
      status: "rolled-back",
      to: null,
      mode: "plan",
    });
    expect(await columnsOf(app.url)).toEqual(["orders.id", "orders.note"]);
  });

  it("asks through elicitation and changes nothing when the user declines", async () => {
    const asked: string[] = [];
    const { client, planId, app } = await executionSetup(
      undefined,
      {},
      {},
      elicitingClient("decline", asked),
    );
    await callTool(client, "run_migration_step", { plan_id: planId, database: "app", step: "all" });
    const declined = await callTool(client, "rollback_migration", { plan_id: planId, database: "app" });
    expect(errorLine(declined)).toMatch(/^DESTRUCTIVE: .*the user declined, so nothing was changed/);
    expect(asked).toEqual([
      expect.stringMatching(new RegExp(`^Plan ${planId}: rolling back to the plan's source`)),
    ]);
    expect(await columnsOf(app.url)).toEqual(["orders.email", "orders.id", "orders.note"]);
  });
});
