import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { SchemaModel } from "../catalog/model.js";
import { MigrateError } from "../errors.js";
import type { LoadedPlan } from "../plan/read.js";

export interface PlanModels {
  source: SchemaModel;
  target: SchemaModel;
}

/**
 * The source and target models saved beside the plan. plan.yaml must list each with its hash, which
 * readPlan has checked, so the models are the ones written with the plan's fingerprints.
 */
export async function loadPlanModels(loaded: LoadedPlan): Promise<PlanModels> {
  const read = async (file: string): Promise<SchemaModel> => {
    if (loaded.plan.files[file] === undefined) {
      throw new MigrateError(
        "PLAN_INVALID",
        `plan.yaml of plan ${basename(loaded.dir)} does not record the hash of ${file}; regenerate the plan`,
      );
    }
    return JSON.parse(await readFile(join(loaded.dir, file), "utf8")) as SchemaModel;
  };
  return { source: await read("source-model.json"), target: await read("target-model.json") };
}
