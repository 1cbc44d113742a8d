import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { generateMigration } from "../../src/migration/index.js";
import { applyPlan, rehearsePlan, verifyPlan } from "../../src/run/index.js";
import { freshDatabase, serverUrl } from "../helpers/db.js";
import { hasJournal } from "../run/helpers.js";
import { connectClient, projectDir } from "./client.js";
import { SOURCE, TARGET } from "./execution-helpers.js";

// The test servers trust the postgres superuser over loopback, so this password is never checked: it is
// there to prove that no resource ever shows it.
const PASSWORD = "hunter2-not-shown";

function withPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = PASSWORD;
  return parsed.toString();
}

const contentSchema = z.object({ uri: z.string(), mimeType: z.string(), text: z.string() });

async function read(client: Client, uri: string) {
  const result = await client.readResource({ uri });
  expect(result.contents).toHaveLength(1);
  return contentSchema.parse(result.contents[0]);
}

const journalSchema = z.object({
  planId: z.string(),
  database: z.string(),
  journalVersion: z.number(),
  runs: z.array(
    z.object({
      id: z.number(),
      operation: z.enum(["apply", "rollback", "verify"]),
      status: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      durationMs: z.number().nullable(),
      error: z.string().nullable(),
    }),
  ),
  forward: z.array(
    z.object({
      stepId: z.string(),
      status: z.string(),
      attempts: z.number(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      durationMs: z.number().nullable(),
      lockRetries: z.number(),
    }),
  ),
  rollback: z.array(z.object({ stepId: z.string() })),
});

/** A project naming `app` (SOURCE, with a password in its URL) and `goal` (TARGET), and a plan app → goal. */
async function setup() {
  const [app, goal] = await Promise.all([freshDatabase(SOURCE), freshDatabase(TARGET)]);
  const cwd = await projectDir({ app: withPassword(app.url), goal: goal.url }, `shadow: "${serverUrl()}"\n`);
  const generated = await generateMigration({ source: "app", target: "goal", cwd, name: "history" });
  const client = await connectClient({ cwd });
  return { cwd, app, goal, client, planId: generated.plan.id, dir: generated.dir };
}

describe("plan report and journal resources", () => {
  it("say plainly that nothing ran yet, and reading them writes nothing", async () => {
    const { client, planId, app } = await setup();
    const uris = (await client.listResources()).resources.map((resource) => resource.uri);
    expect(uris).toEqual(
      expect.arrayContaining([`migrate://plans/${planId}/report`, `migrate://plans/${planId}/journal`]),
    );
    const journal = await read(client, `migrate://plans/${planId}/journal`);
    expect(journal.mimeType).toBe("text/plain");
    expect(journal.text).toMatch(
      new RegExp(`^No run of plan ${planId} is recorded yet: database "app" has no migrate_mcp journal`),
    );
    const report = await read(client, `migrate://plans/${planId}/report`);
    expect(report.mimeType).toBe("text/plain");
    expect(report.text).toMatch(/^Nothing to report for plan .*: it has not been rehearsed/);
    expect(await hasJournal(app.url)).toBe(false);
  });

  it("show the rehearsal, the run, its steps and the verification, never the password", async () => {
    const { client, planId, app, dir } = await setup();
    await rehearsePlan(dir, { databaseUrl: app.url });
    await applyPlan(dir, { databaseUrl: app.url });
    await verifyPlan(dir, { databaseUrl: app.url, level: "thorough" });

    const journal = await read(client, `migrate://plans/${planId}/journal`);
    expect(journal.mimeType).toBe("application/json");
    expect(journal.text).not.toContain(PASSWORD);
    const data = journalSchema.parse(JSON.parse(journal.text));
    expect(data).toMatchObject({ planId, database: "app" });
    expect(data.runs.map((run) => [run.operation, run.status])).toEqual([
      ["apply", "succeeded"],
      ["verify", "succeeded"],
    ]);
    expect(data.runs[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(data.forward.length).toBeGreaterThan(0);
    for (const step of data.forward) {
      expect(step).toMatchObject({ status: "done", attempts: 1, lockRetries: 0 });
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(data.rollback).toEqual([]);

    const report = await read(client, `migrate://plans/${planId}/report`);
    expect(report.mimeType).toBe("text/markdown");
    expect(report.text).not.toContain(PASSWORD);
    expect(report.text).toContain(`# Plan ${planId}: report`);
    expect(report.text).toContain(`applied: ${data.forward.length} of ${data.forward.length} steps done.`);
    expect(report.text).toMatch(/## Rehearsal\n\npassed at .* in \d+ ms: forward \d+ steps?, verify ok/);
    expect(report.text).toMatch(/## Last verification\n\npassed \(level thorough\)/);
    expect(report.text).toMatch(/## Last run\n\napply #\d+ succeeded/);
    expect(report.text).toContain("Drift: none — the schema is the plan's target");
  });

  it("read another named database with ?database=, and refuse unknown names and raw URLs", async () => {
    const { client, planId } = await setup();
    const other = await read(client, `migrate://plans/${planId}/journal?database=goal`);
    expect(other.text).toMatch(/database "goal" has no migrate_mcp journal/);
    await expect(
      client.readResource({ uri: `migrate://plans/${planId}/report?database=nope` }),
    ).rejects.toThrow(/unknown database "nope"/);
    const raw = encodeURIComponent(serverUrl());
    await expect(
      client.readResource({ uri: `migrate://plans/${planId}/journal?database=${raw}` }),
    ).rejects.toThrow(/raw database URLs are refused/);
    await expect(client.readResource({ uri: "migrate://plans/not_a_plan/journal" })).rejects.toThrow(
      /is not a plan/,
    );
  });

  it("complete plan ids and database names", async () => {
    const { client, planId } = await setup();
    const complete = async (uri: string, name: string, value: string) =>
      (await client.complete({ ref: { type: "ref/resource", uri }, argument: { name, value } })).completion
        .values;
    expect(await complete("migrate://plans/{id}/report", "id", planId.slice(0, 4))).toEqual([planId]);
    expect(await complete("migrate://plans/{id}/journal", "id", "zzz")).toEqual([]);
    expect(await complete("migrate://plans/{id}/journal{?database}", "database", "")).toEqual([
      "default",
      "app",
      "goal",
    ]);
  });
});
