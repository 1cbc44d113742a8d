import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fingerprint } from "../catalog/fingerprint.js";
import type { SchemaModel } from "../catalog/model.js";
import { MigrateError } from "../errors.js";
import type { LoadedPlan } from "../plan/read.js";

export interface PlanModels {
  source: SchemaModel;
  target: SchemaModel;
}

/**
 * The source and target models saved beside the plan (readPlan has checked their hashes). They must also
 * be the states plan.yaml names, or drift checks would compare against the wrong thing.
 */
export async function loadPlanModels(loaded: LoadedPlan): Promise<PlanModels> {
  const read = async (file: string, expected: string): Promise<SchemaModel> => {
    const model = JSON.parse(await readFile(join(loaded.dir, file), "utf8")) as SchemaModel;
    if (fingerprint(model) !== expected) {
      throw new MigrateError(
        "PLAN_INVALID",
        `${file} in plan ${basename(loaded.dir)} does not have the fingerprint plan.yaml records; regenerate the plan`,
      );
    }
    return model;
  };
  return {
    source: await read("source-model.json", loaded.plan.source.fingerprint),
    target: await read("target-model.json", loaded.plan.target.fingerprint),
  };
}
