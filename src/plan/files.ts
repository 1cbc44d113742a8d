import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { type MigrationPlan, sha256, stepRecords } from "./plan.js";
import { renderRunbook } from "./runbook.js";

export const PLAN_FILES = ["forward.sql", "rollback.sql", "verify.sql", "plan.yaml", "runbook.md"] as const;

/** The reviewable record of a plan; scripts are referenced by hash so tampering is detectable. */
export function planYaml(plan: MigrationPlan, createdAt: string): string {
  return stringify(
    {
      id: plan.id,
      name: plan.name,
      createdAt,
      tool: "migrate-mcp",
      source: plan.source,
      target: plan.target,
      options: plan.options,
      files: Object.fromEntries(
        Object.entries(plan.scripts).map(([file, text]) => [file, `sha256:${sha256(text)}`]),
      ),
      steps: stepRecords(plan.forwardSteps),
      rollbackSteps: stepRecords(plan.rollbackSteps),
    },
    { lineWidth: 0 },
  );
}

/** Writes the plan directory; returns the paths written. */
export async function writePlanDirectory(
  dir: string,
  plan: MigrationPlan,
  createdAt: string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: Record<(typeof PLAN_FILES)[number], string> = {
    ...plan.scripts,
    "plan.yaml": planYaml(plan, createdAt),
    "runbook.md": renderRunbook(plan),
  };
  const written: string[] = [];
  for (const name of PLAN_FILES) {
    const path = join(dir, name);
    await writeFile(path, files[name]);
    written.push(path);
  }
  return written;
}

export async function readPlanFile(dir: string, name: (typeof PLAN_FILES)[number]): Promise<string> {
  return readFile(join(dir, name), "utf8");
}
