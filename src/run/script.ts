import type { DbClient } from "../db/connect.js";
import { redact } from "../db/redact.js";
import { MigrateError } from "../errors.js";
import { splitStatements } from "../sql/parse.js";

/**
 * Runs a psql-style script (as written by plan/script.ts) statement by statement on one session, so its
 * BEGIN/COMMIT blocks and standalone statements behave exactly as under `psql -v ON_ERROR_STOP=1 -f`.
 * On failure an open transaction is rolled back and the error names the script line.
 */
export async function runScript(client: DbClient, script: string, fileName = "script.sql"): Promise<void> {
  try {
    for (const statement of await splitStatements(script, fileName)) {
      try {
        await client.query(statement.sql);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrateError(
          "MIGRATION_FAILED",
          `${fileName}:${statement.line}: ${redact((error as Error).message)}`,
          { cause: error },
        );
      }
    }
  } finally {
    // The script's SET lines (search_path, …) belong to the script, as they would to a psql session.
    await client.query("RESET ALL").catch(() => {});
  }
}
