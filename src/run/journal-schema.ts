import type { DbClient } from "../db/connect.js";
import { MigrateError } from "../errors.js";

/**
 * The journal lives in the target database, in the `migrate_mcp` schema (introspection ignores every
 * `migrate_mcp*` schema, so the journal never shows up as drift). It is versioned like any schema: `meta`
 * holds the version, and `upgradeJournal` applies the missing upgrades in one transaction.
 */
export const JOURNAL_SCHEMA = "migrate_mcp";

// Each entry upgrades the journal from version i to i + 1. Append only: a released entry never changes,
// because journals written by it exist in users' databases.
const UPGRADES: readonly string[] = [
  `CREATE TABLE migrate_mcp.history (
     id bigserial PRIMARY KEY,
     plan_id text NOT NULL,
     plan_name text NOT NULL,
     operation text NOT NULL CHECK (operation IN ('apply', 'rollback', 'verify')),
     status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'paused', 'interrupted')),
     script_hashes jsonb NOT NULL,
     source_fingerprint text NOT NULL,
     target_fingerprint text NOT NULL,
     start_fingerprint text,
     goal_fingerprint text,
     end_fingerprint text,
     run_by text NOT NULL DEFAULT current_user,
     os_user text,
     client_host text,
     client_pid integer,
     client_addr inet DEFAULT inet_client_addr(),
     application_name text DEFAULT current_setting('application_name'),
     options jsonb NOT NULL DEFAULT '{}',
     validation jsonb,
     backups jsonb NOT NULL DEFAULT '[]',
     error text,
     started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
     finished_at timestamptz
   );
   CREATE INDEX history_plan_idx ON migrate_mcp.history (plan_id, id);
   CREATE TABLE migrate_mcp.steps (
     plan_id text NOT NULL,
     direction text NOT NULL CHECK (direction IN ('forward', 'rollback')),
     step_id text NOT NULL,
     position integer NOT NULL,
     summary text NOT NULL,
     sha256 text NOT NULL,
     definition jsonb,
     status text NOT NULL DEFAULT 'pending'
       CHECK (status IN ('pending', 'running', 'paused', 'done', 'failed', 'rolled_back')),
     attempts integer NOT NULL DEFAULT 0,
     run_id bigint REFERENCES migrate_mcp.history (id),
     started_at timestamptz,
     finished_at timestamptz,
     rows_done bigint NOT NULL DEFAULT 0,
     rows_total bigint,
     checkpoint jsonb,
     statements_done integer NOT NULL DEFAULT 0,
     lock_retries integer NOT NULL DEFAULT 0,
     lock_wait_ms bigint NOT NULL DEFAULT 0,
     fingerprint_after text,
     error text,
     PRIMARY KEY (plan_id, direction, step_id)
   );
   CREATE TABLE migrate_mcp.states (
     fingerprint text PRIMARY KEY,
     model bytea NOT NULL,
     recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
   );`,
];

export const JOURNAL_VERSION = UPGRADES.length;

// Serialises journal creation and upgrades between runners (a transaction-level lock, released at COMMIT).
const UPGRADE_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('migrate_mcp.journal.upgrade'))";

/** The journal's version, or null when this database has no journal yet. Read-only. */
export async function journalVersion(client: DbClient): Promise<number | null> {
  const { rows } = await client.query<{ present: boolean }>(
    "SELECT to_regclass('migrate_mcp.meta') IS NOT NULL AS present",
  );
  if (!rows[0]?.present) return null;
  const version = await client.query<{ schema_version: number }>(
    "SELECT schema_version FROM migrate_mcp.meta",
  );
  return version.rows[0]?.schema_version ?? 0;
}

/**
 * Creates the journal or brings it up to this version; safe to call any number of times, from any number
 * of processes at once. Refuses a journal written by a newer migrate-mcp rather than guessing at it.
 */
export async function upgradeJournal(client: DbClient): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query(UPGRADE_LOCK_SQL);
    await client.query("CREATE SCHEMA IF NOT EXISTS migrate_mcp");
    await client.query(
      `CREATE TABLE IF NOT EXISTS migrate_mcp.meta (
         singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
         schema_version integer NOT NULL,
         upgraded_at timestamptz NOT NULL DEFAULT clock_timestamp()
       )`,
    );
    await client.query("INSERT INTO migrate_mcp.meta (schema_version) VALUES (0) ON CONFLICT DO NOTHING");
    const current = (await journalVersion(client)) ?? 0;
    if (current > JOURNAL_VERSION) {
      throw new MigrateError(
        "UNSUPPORTED",
        `the journal in schema migrate_mcp has version ${current}, newer than this migrate-mcp understands (${JOURNAL_VERSION}); upgrade migrate-mcp`,
      );
    }
    for (let version = current; version < JOURNAL_VERSION; version++) {
      await client.query(UPGRADES[version]!);
    }
    if (current < JOURNAL_VERSION) {
      await client.query("UPDATE migrate_mcp.meta SET schema_version = $1, upgraded_at = clock_timestamp()", [
        JOURNAL_VERSION,
      ]);
    }
    await client.query("COMMIT");
    return JOURNAL_VERSION;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
