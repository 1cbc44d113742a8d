export { type Analysis, analyzeMigration, loadSchema, type SpecOptions } from "./analyze.js";
export { type GeneratedPlan, type GenerateOptions, generateMigration } from "./generate.js";
