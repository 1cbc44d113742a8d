import { existsSync } from "node:fs";
import { readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { ResourceListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { analyzeSchemaDiffOutput } from "../../src/server/tools/analyze-schema-diff.js";
import { generateMigrationOutput } from "../../src/server/tools/generate-migration.js";
import { freshDatabase, serverUrl } from "../helpers/db.js";
import { callOk, callTool, connectClient, errorLine, projectDir } from "./client.js";

const analysisSchema = z.object(analyzeSchemaDiffOutput).strict();
const planSchema = z.object(generateMigrationOutput).strict();

const SOURCE = "CREATE TABLE orders (id bigint PRIMARY KEY, note text);";
const TARGET = "CREATE TABLE orders (id bigint PRIMARY KEY, note text, email text);";

async function setup(target = TARGET) {
  const source = await freshDatabase(SOURCE);
  const cwd = await projectDir({ app: source.url }, `shadow: "${serverUrl()}"\n`);
  await writeFile(join(cwd, "target.sql"), target);
  const client = await connectClient({ cwd });
  return { cwd, client, source };
}

describe("analyze_schema_diff", () => {
  it("compares a named database with a project .sql file", async () => {
    const { client } = await setup();
    const data = await callOk(
      client,
      "analyze_schema_diff",
      { source: "app", target: "target.sql" },
      analysisSchema,
    );
    expect(data.source.label).toMatch(/^app \(postgres:\/\//);
    expect(data.target.label).toBe("target.sql");
    expect(data.source.fingerprint).not.toBe(data.target.fingerprint);
    expect(data.changes.map((change) => change.summary)).toEqual([expect.stringMatching(/email/)]);
    expect(data.changes[0]).toMatchObject({ action: "create", destructive: false });
    expect(data.changes[0]?.statements[0]?.sql).toMatch(/ADD COLUMN .*email/);
    expect(data.destructiveCount).toBe(0);
  });

  it("finds no changes between a database and itself", async () => {
    const { client } = await setup();
    const data = await callOk(
      client,
      "analyze_schema_diff",
      { source: "app", target: "app" },
      analysisSchema,
    );
    expect(data.changes).toEqual([]);
    expect(data.source.fingerprint).toBe(data.target.fingerprint);
  });

  it("refuses raw URLs, unknown names and SQL files outside the project", async () => {
    const { client, source } = await setup();
    const outside = join(tmpdir(), `migrate-mcp-outside-${basename(source.name)}.sql`);
    await writeFile(outside, SOURCE);
    onTestFinished(() => rm(outside, { force: true }));
    const cases: [Record<string, string>, RegExp][] = [
      [{ source: source.url, target: "target.sql" }, /^DATABASE_REFUSED: raw database URLs are refused/],
      [{ source: "app", target: outside }, /^USAGE: .* is outside the project/],
      [{ source: "nowhere", target: "target.sql" }, /^SOURCE_INVALID: /],
    ];
    for (const [args, message] of cases) {
      const result = await callTool(client, "analyze_schema_diff", args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(errorLine(result)).toMatch(message);
    }
  });
});

describe("generate_migration", () => {
  it("writes a plan directory, returns its id and steps, and serves it as a resource", async () => {
    const { cwd, client } = await setup();
    let listChanged = 0;
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
      listChanged++;
    });
    const plan = await callOk(
      client,
      "generate_migration",
      { source: "app", target: "target.sql", name: "add email" },
      planSchema,
    );
    expect(plan.id).toMatch(/^\d{8}T\d{6}_add-email$/);
    expect(plan.dir).toBe(join("migrations", plan.id));
    expect(plan.files.map((file) => basename(file))).toEqual(
      expect.arrayContaining(["forward.sql", "rollback.sql", "verify.sql", "plan.yaml", "runbook.md"]),
    );
    for (const file of plan.files) expect(existsSync(join(cwd, file)), file).toBe(true);
    expect(plan.steps).toEqual([expect.objectContaining({ id: "001", destructive: false })]);
    expect(plan.rollbackStepCount).toBe(1);

    const uris = (await client.listResources()).resources.map((resource) => resource.uri);
    expect(uris).toContain(`migrate://plans/${plan.id}`);
    const yaml = await client.readResource({ uri: `migrate://plans/${plan.id}` });
    expect(z.object({ text: z.string() }).parse(yaml.contents[0]).text).toContain(`id: ${plan.id}`);
    await expect.poll(() => listChanged).toBeGreaterThan(0);
  });

  it("refuses data loss unless allowed, writing nothing", async () => {
    const { cwd, client } = await setup("CREATE TABLE orders (id bigint PRIMARY KEY);");
    const refused = await callTool(client, "generate_migration", { source: "app", target: "target.sql" });
    expect(refused.isError).toBe(true);
    expect(errorLine(refused)).toMatch(/^DESTRUCTIVE: the plan would destroy data in 1 change/);
    expect(existsSync(join(cwd, "migrations"))).toBe(false);

    const plan = await callOk(
      client,
      "generate_migration",
      { source: "app", target: "target.sql", allow_destructive: true },
      planSchema,
    );
    expect(plan.steps.some((step) => step.destructive)).toBe(true);
    expect(await readdir(join(cwd, "migrations"))).toEqual([plan.id]);
  });

  it("says plainly that data migrations are not available yet", async () => {
    const { client } = await setup();
    const result = await callTool(client, "generate_migration", {
      source: "app",
      target: "target.sql",
      migration_type: "data",
    });
    expect(result.isError).toBe(true);
    expect(errorLine(result)).toBe(
      "UNSUPPORTED: migration_type=data is not available in this version yet; use migration_type=schema",
    );
  });
});
