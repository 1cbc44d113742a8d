export { type ApplyOptions, type ApplyResult, applyPlan, type RollbackStrategy } from "./apply.js";
export type { BackupMethod } from "./backup.js";
export type { RunnerOptions } from "./context.js";
export type { EventSink, RunEvent } from "./events.js";
export type { BackupRecord, RunRow, StepRow, StepStatus } from "./journal.js";
export { JOURNAL_VERSION, upgradeJournal } from "./journal-schema.js";
export { type RollbackOptions, type RollbackResult, rollbackPlan } from "./rollback.js";
export type { StepReport } from "./run-steps.js";
export { runScript } from "./script.js";
