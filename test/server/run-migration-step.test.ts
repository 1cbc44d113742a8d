import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runMigrationStepOutput } from "../../src/server/tools/run-migration-step.js";
import { callOk, callTool, errorLine } from "./client.js";
import { columnsOf, elicitingClient, executionSetup } from "./execution-helpers.js";

const runSchema = z.object(runMigrationStepOutput).strict();
const DROP_NOTE = "CREATE TABLE orders (id bigint PRIMARY KEY);";
const VOLATILE_DEFAULT =
  "CREATE TABLE orders (id bigint PRIMARY KEY, note text, token uuid DEFAULT gen_random_uuid());";

describe("run_migration_step", () => {
  it("runs the next step, then all the rest, then reports the plan applied", async () => {
    const { client, planId, app } = await executionSetup(VOLATILE_DEFAULT);
    const one = await callOk(
      client,
      "run_migration_step",
      { plan_id: planId, database: "app", step: "next" },
      runSchema,
    );
    expect(one.status).toBe("partial");
    expect(one.steps.filter((step) => step.outcome === "done").map((step) => step.id)).toEqual(["001"]);
    const rest = await callOk(
      client,
      "run_migration_step",
      { plan_id: planId, database: "app", step: "all" },
      runSchema,
    );
    expect(rest.status).toBe("applied");
    expect(rest.steps.filter((step) => step.outcome === "done").map((step) => step.id)).not.toContain("001");
    expect(await columnsOf(app.url)).toEqual(["orders.id", "orders.note", "orders.token"]);
    const again = await callTool(client, "run_migration_step", {
      plan_id: planId,
      database: "app",
      step: "next",
    });
    expect(errorLine(again)).toMatch(/^USAGE: every step of this plan is already done/);
  });

  it("sends progress notifications for a plan with a backfill step", async () => {
    const { client, planId } = await executionSetup(VOLATILE_DEFAULT);
    const messages: string[] = [];
    const progress: number[] = [];
    await callOk(client, "run_migration_step", { plan_id: planId, database: "app", step: "all" }, undefined, {
      onprogress: (notification) => {
        messages.push(notification.message ?? "");
        progress.push(notification.progress);
      },
    });
    expect(messages).toContainEqual(expect.stringMatching(/^backfill .* 100% — \d+k? rows\/s$/));
    expect(messages).toContainEqual(expect.stringMatching(/^step 1\/\d+ 001: /));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
  });

  it("refuses a destructive step without confirmation, and runs it with confirm: plan id", async () => {
    const { client, planId, app } = await executionSetup(DROP_NOTE, { allowDestructive: true });
    const refused = await callTool(client, "run_migration_step", {
      plan_id: planId,
      database: "app",
      step: "all",
    });
    expect(errorLine(refused)).toMatch(
      new RegExp(`^DESTRUCTIVE: step \\d+ destroys data .*call again with confirm: "${planId}"`),
    );
    expect(await columnsOf(app.url)).toEqual(["orders.id", "orders.note"]);
    const wrong = await callTool(client, "run_migration_step", {
      plan_id: planId,
      database: "app",
      step: "all",
      confirm: "yes",
    });
    expect(wrong.isError).toBe(true);
    const confirmed = await callOk(
      client,
      "run_migration_step",
      { plan_id: planId, database: "app", step: "all", confirm: planId },
      runSchema,
    );
    expect(confirmed.status).toBe("applied");
    expect(await columnsOf(app.url)).toEqual(["orders.id"]);
  });

  it("asks through elicitation when the client supports it: decline changes nothing, accept runs", async () => {
    const asked: string[] = [];
    const declining = await executionSetup(
      DROP_NOTE,
      { allowDestructive: true },
      {},
      elicitingClient("decline", asked),
    );
    const declined = await callTool(declining.client, "run_migration_step", {
      plan_id: declining.planId,
      database: "app",
      step: "all",
    });
    expect(errorLine(declined)).toMatch(/^DESTRUCTIVE: .*the user declined, so nothing was changed/);
    expect(asked).toEqual([
      expect.stringMatching(new RegExp(`^Plan ${declining.planId}: step .* destroys data`)),
    ]);
    expect(await columnsOf(declining.app.url)).toEqual(["orders.id", "orders.note"]);

    const accepting = await executionSetup(
      DROP_NOTE,
      { allowDestructive: true },
      {},
      elicitingClient("accept", asked),
    );
    await callOk(accepting.client, "run_migration_step", {
      plan_id: accepting.planId,
      database: "app",
      step: "all",
    });
    expect(asked).toHaveLength(2);
    expect(await columnsOf(accepting.app.url)).toEqual(["orders.id"]);
  });

  it("refuses an unknown step, a plan id that is not a plan, and an unknown database", async () => {
    const { client, planId } = await executionSetup();
    const cases: [Record<string, string>, RegExp][] = [
      [{ plan_id: planId, database: "app", step: "999" }, /^USAGE: the plan has no step "999"/],
      [{ plan_id: "nope", database: "app", step: "all" }, /^PLAN_INVALID: "nope" is not a plan/],
      [{ plan_id: planId, database: "prod", step: "all" }, /^DATABASE_REFUSED: unknown database "prod"/],
    ];
    for (const [args, message] of cases)
      expect(errorLine(await callTool(client, "run_migration_step", args))).toMatch(message);
  });
});
