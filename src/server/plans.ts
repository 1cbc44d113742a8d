import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { configDir, loadConfig } from "../config.js";
import { MigrateError } from "../errors.js";

/** Files of a plan directory that the server serves as resources. */
export type PlanFile = "plan.yaml" | "runbook.md";

// Plan ids are directory names (`<timestamp>_<slug>`); anything else could walk out of the plans directory.
const PLAN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Where plans live: the config's `plansDir` (relative to the config file), else `migrations/` in cwd. */
export async function plansDirectory(cwd: string): Promise<string> {
  const config = await loadConfig(cwd);
  return resolve(configDir(config, cwd), config.plansDir ?? "migrations");
}

/** The ids of the plan directories (those holding a plan.yaml), oldest first; none when there is no directory. */
export async function listPlanIds(cwd: string): Promise<string[]> {
  const directory = await plansDirectory(cwd);
  let entries: string[];
  try {
    entries = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries.filter((id) => PLAN_ID.test(id) && existsSync(join(directory, id, "plan.yaml"))).sort();
}

/** One file of a plan, or a PLAN_INVALID error naming the id and how to find real ones. */
export async function readPlanFile(cwd: string, id: string, file: PlanFile): Promise<string> {
  const directory = await plansDirectory(cwd);
  if (!PLAN_ID.test(id) || !existsSync(join(directory, id, "plan.yaml"))) {
    throw new MigrateError(
      "PLAN_INVALID",
      `"${id.slice(0, 100)}" is not a plan in ${directory}; list plans with resources/list or generate one with generate_migration`,
    );
  }
  try {
    return await readFile(join(directory, id, file), "utf8");
  } catch {
    throw new MigrateError(
      "PLAN_INVALID",
      `plan ${id} has no ${file}; regenerate the plan with generate_migration`,
    );
  }
}
