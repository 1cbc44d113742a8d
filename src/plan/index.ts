export { PLAN_FILES, writePlanDirectory } from "./files.js";
export { planSteps } from "./online.js";
export {
  buildPlan,
  type MigrationPlan,
  type PlanOptions,
  type SchemaState,
  type StepRecord,
  sha256,
  stepHash,
} from "./plan.js";
export { type LoadedPlan, type PlanFile, readPlan } from "./read.js";
export { renderScript } from "./script.js";
export {
  type Backfill,
  DEFAULT_LOCK_TIMEOUT_MS,
  LOCK_LEVELS,
  type LockLevel,
  type Phase,
  type Step,
} from "./step.js";
