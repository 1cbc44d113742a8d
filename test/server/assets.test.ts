import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadAssets, PACKAGE_ROOT, PHASES } from "../../src/server/assets.js";
import { TOOL_NAMES } from "../../src/server/tool-names.js";
import { TOOLS } from "../../src/server/tools/index.js";

/** A copy of the package's Markdown assets that a test may break. */
async function assetCopy(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "migrate-mcp-assets-"));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const dir of ["agents", "prompts", "commands"]) {
    await cp(join(PACKAGE_ROOT, dir), join(root, dir), { recursive: true });
  }
  return root;
}

describe("Markdown assets", () => {
  it("has a prompt per phase whose agent exists, and least-privilege agents", () => {
    const assets = loadAssets();
    expect(assets.prompts.map((prompt) => prompt.phase)).toEqual([...PHASES]);
    const agents = new Map(assets.agents.map((agent) => [agent.name, agent]));
    for (const prompt of assets.prompts) {
      expect(prompt.name).toBe(`migrate_${prompt.phase}`);
      expect(agents.has(prompt.agent), prompt.agent).toBe(true);
      for (const name of prompt.body.matchAll(/\{\{(\w+)\}\}/g)) {
        expect(
          prompt.arguments.map((argument) => argument.name),
          `${prompt.phase}: {{${name[1]}}}`,
        ).toContain(name[1]);
      }
    }
    expect(agents.get("migration-analyst")?.tools).toEqual(["analyze_schema_diff", "query_readonly"]);
    // Only the verifier, analyst and nobody who executes may run free SQL, and only read-only SQL at that.
    for (const agent of assets.agents) {
      expect(agent.tools.length, agent.name).toBeLessThanOrEqual(3);
      if (agent.tools.includes("run_migration_step")) expect(agent.tools).not.toContain("query_readonly");
    }
  });

  it("the /migrate command names every phase's agent, in phase order", () => {
    const assets = loadAssets();
    const positions = assets.prompts.map((prompt) => assets.command.body.indexOf(`\`${prompt.agent}\``));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(assets.command.body).toContain("$ARGUMENTS");
    expect(assets.command["allowed-tools"]).toContain("Task");
  });

  it("refuses an agent that grants a tool this server does not have", async () => {
    const root = await assetCopy();
    const file = join(root, "agents", "migration-analyst.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("mcp__migrate-mcp__query_readonly", "mcp__migrate-mcp__run_sql"));
    expect(() => loadAssets(root)).toThrow(
      /^agents\/migration-analyst\.md: tools\.1: must be one of this server's tools/,
    );
  });

  it("refuses a phase prompt with a missing description or an unknown agent", async () => {
    const root = await assetCopy();
    const file = join(root, "prompts", "verify.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/^description: .*\n/m, ""));
    expect(() => loadAssets(root)).toThrow(/^prompts\/verify\.md: description: /);
    await writeFile(file, text.replace("agent: migration-verifier", "agent: migration-wizard"));
    expect(() => loadAssets(root)).toThrow(/^prompts\/verify\.md: agent: no agents\/migration-wizard\.md/);
  });

  it("docs/tools.md documents every tool with its arguments", async () => {
    const doc = await readFile(join(PACKAGE_ROOT, "docs", "tools.md"), "utf8");
    for (const tool of TOOLS) {
      expect(doc).toContain(`## \`${tool.name}\``);
      for (const argument of Object.keys(tool.input))
        expect(doc, `${tool.name}.${argument}`).toContain(`\`${argument}\``);
    }
    for (const name of TOOL_NAMES) expect(doc).toContain(name);
  });
});
