import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MIGRATE_ARGUMENTS } from "../../src/server/prompts.js";
import { INSTRUCTIONS } from "../../src/server/server.js";
import { TOOL_NAMES } from "../../src/server/tool-names.js";
import { TOOLS } from "../../src/server/tools/index.js";
import { connectClient, projectDir } from "./client.js";

describe("MCP server", () => {
  it("lists every tool with input and output schemas and all four annotations", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(TOOLS.map((tool) => tool.name).sort());
    for (const tool of tools) {
      expect(TOOL_NAMES).toContain(tool.name);
      expect(tool.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
      expect(tool.description?.length).toBeGreaterThan(40);
      for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const) {
        expect(typeof tool.annotations?.[hint], `${tool.name} ${hint}`).toBe("boolean");
      }
    }
    expect(tools.find((tool) => tool.name === "query_readonly")?.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
    });
  });

  it("read-only mode lists only read-only tools", async () => {
    const client = await connectClient({ cwd: await projectDir(), readOnly: true });
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    const mutating = TOOLS.filter((tool) => !tool.annotations.readOnlyHint).map((tool) => tool.name);
    for (const name of mutating) expect(tools.map((tool) => tool.name)).not.toContain(name);
  });

  it("gives instructions under 2 KB that name the phases in order, and supports logging", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    expect(client.getInstructions()).toBe(INSTRUCTIONS);
    expect(Buffer.byteLength(INSTRUCTIONS, "utf8")).toBeLessThanOrEqual(2048);
    const phases = ["analyze", "generate", "lint", "rehearse", "run steps", "verify", "rollback on failure"];
    const order = phases.map((phase, index) => INSTRUCTIONS.indexOf(`\n${index + 1}. ${phase}:`));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(client.getServerCapabilities()?.logging).toBeDefined();
  });
});

describe("prompts", () => {
  it("lists migrate with the command card's arguments, and one prompt per phase", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(
      [
        "migrate",
        "migrate_analyze",
        "migrate_apply",
        "migrate_generate",
        "migrate_rehearse",
        "migrate_rollback",
        "migrate_verify",
      ].sort(),
    );
    const migrate = prompts.find((prompt) => prompt.name === "migrate")!;
    expect(migrate.arguments?.map((argument) => [argument.name, argument.required])).toEqual([
      ["migration_type", false],
      ["source", false],
      ["target", false],
      ["downtime_allowed", false],
      ["rollback_strategy", false],
      ["validation_level", false],
    ]);
    for (const argument of migrate.arguments ?? []) expect(argument.description?.length).toBeGreaterThan(10);
  });

  it("migrate returns the phases in order, each routed to its sub-agent, with defaults filled in", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    const result = await client.getPrompt({
      name: "migrate",
      arguments: { source: "prod", target: "schema.sql", validation_level: "comprehensive" },
    });
    const message = result.messages[0]!;
    expect(message.role).toBe("user");
    const text = message.content.type === "text" ? message.content.text : "";
    expect(text).toContain(
      "Arguments: migration_type=schema source=prod target=schema.sql downtime_allowed=false " +
        "rollback_strategy=automatic validation_level=comprehensive",
    );
    const agents = [
      "migration-analyst",
      "migration-author",
      "migration-rehearser",
      "migration-operator",
      "migration-verifier",
      "migration-rollback",
    ].map((agent) => text.indexOf(`\`${agent}\``));
    expect(agents.every((position) => position >= 0)).toBe(true);
    expect([...agents].sort((a, b) => a - b)).toEqual(agents);
    expect(text).not.toContain("$ARGUMENTS");
  });

  it("migrate without source and target leaves them out, and the card says to ask for them", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    const result = await client.getPrompt({ name: "migrate" });
    const content = result.messages[0]!.content;
    const text = content.type === "text" ? content.text : "";
    expect(text).toContain(
      "Arguments: migration_type=schema downtime_allowed=false rollback_strategy=automatic validation_level=thorough\n",
    );
    expect(text).toContain("ask for them if missing");
  });

  it("migrate refuses a value outside an enumeration", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    await expect(
      client.getPrompt({
        name: "migrate",
        arguments: { source: "a", target: "b", migration_type: "everything" },
      }),
    ).rejects.toThrow(/migration_type/);
  });

  it("completes the enumerated arguments and database names", async () => {
    const cwd = await projectDir({ staging: "postgres://u@h/staging", prod: "postgres://u@h/prod" });
    const client = await connectClient({ cwd });
    const complete = async (name: string, argument: string, value: string) =>
      (await client.complete({ ref: { type: "ref/prompt", name }, argument: { name: argument, value } }))
        .completion.values;
    expect(await complete("migrate", "rollback_strategy", "")).toEqual([
      ...MIGRATE_ARGUMENTS.rollback_strategy.values,
    ]);
    expect(await complete("migrate", "validation_level", "th")).toEqual(["thorough"]);
    expect(await complete("migrate", "migration_type", "b")).toEqual(["both"]);
    expect(await complete("migrate", "source", "")).toEqual(["default", "prod", "staging"]);
    expect(await complete("migrate_verify", "validation_level", "c")).toEqual(["comprehensive"]);
  });

  it("a phase prompt fills in its arguments and defaults", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    const result = await client.getPrompt({
      name: "migrate_verify",
      arguments: { plan_id: "20250101_add_email" },
    });
    const content = result.messages[0]!.content;
    const text = content.type === "text" ? content.text : "";
    expect(text).toContain("Verify plan `20250101_add_email` at level thorough.");
    expect(text).not.toMatch(/\{\{\w+\}\}/);
  });
});

describe("resources", () => {
  it("lists and reads the agents", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    const { resources } = await client.listResources();
    const agents = resources.filter((resource) => resource.uri.startsWith("migrate://agents/"));
    expect(agents.map((agent) => agent.name)).toContain("migration-analyst");
    expect(agents).toHaveLength(6);
    const read = await client.readResource({ uri: "migrate://agents/migration-analyst" });
    const text = (read.contents[0] as { text: string }).text;
    expect(text).toMatch(/^---\nname: migration-analyst\n/);
    expect(text).toContain("tools: mcp__migrate-mcp__analyze_schema_diff, mcp__migrate-mcp__query_readonly");
    await expect(client.readResource({ uri: "migrate://agents/nobody" })).rejects.toThrow(/no agent named/);
  });

  it("has no plan resources when there are no plans", async () => {
    const client = await connectClient({ cwd: await projectDir() });
    const { resources } = await client.listResources();
    expect(resources.filter((resource) => resource.uri.startsWith("migrate://plans/"))).toEqual([]);
    const templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    expect(templates).toEqual(
      expect.arrayContaining([
        "migrate://agents/{name}",
        "migrate://plans/{id}",
        "migrate://plans/{id}/runbook",
        "migrate://plans/{id}/report",
        "migrate://plans/{id}/report{?database}",
        "migrate://plans/{id}/journal",
        "migrate://plans/{id}/journal{?database}",
      ]),
    );
  });

  it("lists and reads plans from the plans directory, and refuses ids that are not plans", async () => {
    const cwd = await projectDir();
    const plan = join(cwd, "migrations", "20250101120000_add_email");
    await mkdir(plan, { recursive: true });
    await writeFile(join(plan, "plan.yaml"), "id: 20250101120000_add_email\nsteps: []\n");
    await writeFile(join(plan, "runbook.md"), "# Runbook\n");
    await mkdir(join(cwd, "migrations", "not_a_plan"));
    await writeFile(join(cwd, "secret.txt"), "do not serve");
    const client = await connectClient({ cwd });
    const uris = (await client.listResources()).resources
      .map((resource) => resource.uri)
      .filter((uri) => uri.startsWith("migrate://plans/"));
    expect(uris.sort()).toEqual([
      "migrate://plans/20250101120000_add_email",
      "migrate://plans/20250101120000_add_email/journal",
      "migrate://plans/20250101120000_add_email/report",
      "migrate://plans/20250101120000_add_email/runbook",
    ]);
    const yaml = await client.readResource({ uri: "migrate://plans/20250101120000_add_email" });
    expect(yaml.contents[0]).toMatchObject({
      mimeType: "application/yaml",
      text: expect.stringContaining("steps: []"),
    });
    const runbook = await client.readResource({ uri: "migrate://plans/20250101120000_add_email/runbook" });
    expect((runbook.contents[0] as { text: string }).text).toBe("# Runbook\n");
    await expect(client.readResource({ uri: "migrate://plans/not_a_plan" })).rejects.toThrow(/is not a plan/);
    await expect(client.readResource({ uri: "migrate://plans/..%2Fsecret.txt" })).rejects.toThrow(
      /is not a plan/,
    );
    const completion = await client.complete({
      ref: { type: "ref/resource", uri: "migrate://plans/{id}" },
      argument: { name: "id", value: "2025" },
    });
    expect(completion.completion.values).toEqual(["20250101120000_add_email"]);
  });

  it("finds plans in the config's plansDir", async () => {
    const cwd = await projectDir();
    await writeFile(join(cwd, "migrate.config.yaml"), "plansDir: db/plans\n");
    await mkdir(join(cwd, "db", "plans", "20250202_x"), { recursive: true });
    await writeFile(join(cwd, "db", "plans", "20250202_x", "plan.yaml"), "id: 20250202_x\n");
    const client = await connectClient({ cwd });
    const uris = (await client.listResources()).resources.map((resource) => resource.uri);
    expect(uris).toContain("migrate://plans/20250202_x");
    const read = await client.readResource({ uri: "migrate://plans/20250202_x" });
    expect(z.object({ text: z.string() }).parse(read.contents[0]).text).toBe("id: 20250202_x\n");
  });
});
