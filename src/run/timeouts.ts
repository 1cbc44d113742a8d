import type { DbClient } from "../db/connect.js";
import type { Step } from "../plan/step.js";

/**
 * The step's lock_timeout and statement_timeout: for its transaction (local) or for the session (steps
 * that run outside a transaction). A statement timeout of null means none.
 */
export async function setStepTimeouts(client: DbClient, step: Step, local: boolean): Promise<void> {
  await client.query("SELECT set_config('lock_timeout', $1, $3), set_config('statement_timeout', $2, $3)", [
    `${step.lockTimeoutMs}ms`,
    `${step.statementTimeoutMs ?? 0}ms`,
    local,
  ]);
}

export async function resetTimeouts(client: DbClient): Promise<void> {
  await client.query("RESET lock_timeout");
  await client.query("RESET statement_timeout");
}
