import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { type MigrationPlan, sha256, stepRecords } from "./plan.js";
import { renderRunbook } from "./runbook.js";

export const PLAN_FILES = [
  "forward.sql",
  "rollback.sql",
  "verify.sql",
  "cleanup.sql",
  "source-model.json",
  "target-model.json",
  "plan.yaml",
  "runbook.md",
] as const;

/**
 * Files whose hashes plan.yaml records; the runbook is prose for people and may be annotated. The models
 * are for the tool, not for reading (analyze and the runbook describe them), so they are written compactly.
 */
function hashedFiles(plan: MigrationPlan): Record<string, string> {
  return {
    ...plan.scripts,
    "source-model.json": `${JSON.stringify(plan.models.source)}\n`,
    "target-model.json": `${JSON.stringify(plan.models.target)}\n`,
  };
}

/** The reviewable record of a plan; scripts are referenced by hash so tampering is detectable. */
function planYaml(plan: MigrationPlan, hashed: Record<string, string>, createdAt: string): string {
  const header = stringify(
    {
      id: plan.id,
      name: plan.name,
      createdAt,
      tool: "migrate-mcp",
      source: plan.source,
      target: plan.target,
      options: plan.options,
      files: Object.fromEntries(
        Object.entries(hashed).map(([file, text]) => [file, `sha256:${sha256(text)}`]),
      ),
    },
    { lineWidth: 0, simpleKeys: true },
  );
  return `${header}${stepList("steps", stepRecords(plan.forwardSteps))}${stepList("rollbackSteps", stepRecords(plan.rollbackSteps))}`;
}

/**
 * One step per line, as a flow mapping (JSON is YAML): each step reads, greps and diffs as one line, and a
 * plan of thousands of steps is written in milliseconds where the YAML library took half a second.
 */
function stepList(key: string, steps: readonly object[]): string {
  if (steps.length === 0) return `${key}: []\n`;
  return `${key}:\n${steps.map((step) => `  - ${JSON.stringify(step)}\n`).join("")}`;
}

/** Writes the plan directory; returns the paths written. */
export async function writePlanDirectory(
  dir: string,
  plan: MigrationPlan,
  createdAt: string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const hashed = hashedFiles(plan);
  const contents: Record<string, string> = {
    ...hashed,
    "plan.yaml": planYaml(plan, hashed, createdAt),
    "runbook.md": renderRunbook(plan),
  };
  const written: string[] = [];
  for (const name of PLAN_FILES) {
    const path = join(dir, name);
    await writeFile(path, contents[name] ?? "");
    written.push(path);
  }
  return written;
}

export async function readPlanFile(dir: string, name: (typeof PLAN_FILES)[number]): Promise<string> {
  return readFile(join(dir, name), "utf8");
}
