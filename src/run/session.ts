import { type DbClient, withClient } from "../db/connect.js";
import { withAdvisoryLock } from "../db/lock.js";

/** One runner per database at a time: apply, rollback and the journal writes of verify all take this lock. */
export const RUNNER_LOCK = "migrate-mcp runner";

export const DEFAULT_LOCK_WAIT_MS = 30_000;

/**
 * Opens the runner's session with the settings plan scripts assume (schema-qualified names only, function
 * bodies checked when they run), takes the runner lock, and runs `fn`. The lock is a session lock, so a
 * runner that dies releases it with its connection.
 */
export async function withRunnerSession<T>(
  databaseUrl: string,
  purpose: string,
  lockWaitMs: number,
  fn: (client: DbClient) => Promise<T>,
): Promise<T> {
  return withClient(
    databaseUrl,
    async (client) => {
      await client.query("SET search_path = ''");
      await client.query("SET check_function_bodies = false");
      await client.query("SET client_min_messages = warning");
      return withAdvisoryLock(client, RUNNER_LOCK, { timeoutMs: lockWaitMs }, () => fn(client));
    },
    { applicationName: `migrate-mcp ${purpose}`.slice(0, 63) },
  );
}
