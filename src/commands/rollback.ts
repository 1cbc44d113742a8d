import type { Command } from "commander";
import type { Output } from "../output.js";
import type { BackupMethod } from "../run/backup.js";
import type { RollbackResult } from "../run/rollback.js";
import { addRunnerOptions, renderSteps, runnerOptions, withProgress } from "./apply.js";

interface RollbackFlags {
  db?: string;
  lockWait: number;
  backup: BackupMethod;
  to?: string;
}

export function registerRollbackCommand(program: Command, output: () => Output): void {
  const command = program
    .command("rollback")
    .description("roll back the completed steps of a plan, restoring moved-aside data; resumable")
    .argument("<dir>", "plan directory")
    .option("--to <step>", "roll back to the state right after this step (default: the plan's source)");
  addRunnerOptions(command).action(async (dir: string, flags: RollbackFlags) => {
    const { rollbackPlan } = await import("../run/rollback.js");
    const result = await withProgress(output(), async (onEvent) =>
      rollbackPlan(dir, { ...(await runnerOptions(flags, onEvent)), to: flags.to }),
    );
    output().result(result, () => renderRollback(result));
  });
}

function renderRollback(result: RollbackResult): string {
  if (result.status === "nothing-to-do") {
    return `nothing to roll back: ${result.database} is already at ${result.to ? `the state after step ${result.to}` : "the plan's source"}`;
  }
  const how =
    result.mode === "plan"
      ? "the plan's rollback steps"
      : result.mode === "resumed"
        ? "the interrupted rollback, resumed"
        : "steps computed from the current schema";
  return [
    ...renderSteps(result.steps),
    ...result.backups.map((b) => `  backup before step ${b.stepId}: ${b.location} (${b.method})`),
    `rolled back plan ${result.planId} on ${result.database} to ${result.to ? `the state after step ${result.to}` : "the plan's source"} (${how})`,
  ].join("\n");
}
