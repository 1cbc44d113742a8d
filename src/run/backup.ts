import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { DbClient } from "../db/connect.js";
import { qualify, quoteIdent } from "../db/quote.js";
import { redact } from "../db/redact.js";
import { withTransaction } from "../db/transaction.js";
import { errorText, MigrateError } from "../errors.js";
import type { TableRef } from "./affected.js";
import type { BackupRecord, Journal } from "./journal.js";

const run = promisify(execFile);

export type BackupMethod = "auto" | "pg_dump" | "copy";

export interface BackupSettings {
  /** auto: pg_dump when one of the server's major version is on PATH, else an in-database copy. */
  method: BackupMethod;
  /** Where pg_dump files go (one folder per plan). */
  dir: string;
  databaseUrl: string;
}

export const BACKUP_SCHEMA = "migrate_mcp_backup";

interface ExistingTable {
  schema: string;
  name: string;
}

/**
 * Backs up the tables a step is about to change, before it runs, and records where in history. With
 * pg_dump the archive is checked with `pg_restore --list` before the step may proceed.
 */
export async function takeBackup(
  client: DbClient,
  journal: Journal,
  runId: number,
  settings: BackupSettings,
  stepId: string,
  refs: TableRef[],
): Promise<BackupRecord | null> {
  const tables = await existingTables(client, refs);
  if (tables.length === 0) return null;
  const method = settings.method === "auto" ? await autoMethod(client) : settings.method;
  const names = tables.map((t) => `${t.schema}.${t.name}`);
  const createdAt = new Date().toISOString();
  if (method === "pg_dump") {
    const location = await dumpTables(settings, journal.planId, stepId, tables);
    const record: BackupRecord = { stepId, method, location, tables: names, createdAt };
    await journal.addBackup(runId, record);
    return record;
  }
  return withTransaction(client, async () => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${BACKUP_SCHEMA}`);
    const copies: string[] = [];
    for (const table of tables) {
      const copy = copyName(journal.planId, stepId, table);
      await client.query(`DROP TABLE IF EXISTS ${qualify(BACKUP_SCHEMA, copy)}`);
      // Rows are kept as text (restore: INSERT INTO t SELECT (kept_row::t).* FROM copy): a copy with the
      // table's own column types would depend on those types and stop the plan from dropping them.
      await client.query(
        `CREATE TABLE ${qualify(BACKUP_SCHEMA, copy)} AS SELECT r::text AS kept_row FROM ONLY ${qualify(table.schema, table.name)} r`,
      );
      copies.push(qualify(BACKUP_SCHEMA, copy));
    }
    const record: BackupRecord = { stepId, method, location: copies.join(", "), tables: names, createdAt };
    await journal.addBackup(runId, record);
    return record;
  });
}

async function existingTables(client: DbClient, refs: TableRef[]): Promise<ExistingTable[]> {
  const found: ExistingTable[] = [];
  for (const ref of refs) {
    const name = ref.schema ? qualify(ref.schema, ref.name) : quoteIdent(ref.name);
    const { rows } = await client.query<ExistingTable>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid = to_regclass($1) AND c.relkind IN ('r', 'p')`,
      [name],
    );
    if (rows[0]) found.push(rows[0]);
  }
  return found;
}

// Names stay under 63 bytes and unique per plan, step and table; the history row maps them back.
function copyName(planId: string, stepId: string, table: ExistingTable): string {
  const hash = createHash("sha256")
    .update(`${planId}\0${stepId}\0${table.schema}\0${table.name}`)
    .digest("hex");
  return `s${stepId}_${hash.slice(0, 8)}_${table.name}`.slice(0, 63);
}

/** pg_dump can only dump servers of its own major version or older, and we want an exact match. */
async function autoMethod(client: DbClient): Promise<"pg_dump" | "copy"> {
  const { rows } = await client.query<{ major: number }>(
    "SELECT current_setting('server_version_num')::int / 10000 AS major",
  );
  const dumpMajor = await pgDumpMajor();
  return dumpMajor !== null && dumpMajor === rows[0]?.major ? "pg_dump" : "copy";
}

async function pgDumpMajor(): Promise<number | null> {
  try {
    const { stdout } = await run("pg_dump", ["--version"]);
    const major = /(\d+)(?:\.\d+)?/.exec(stdout)?.[1];
    return major ? Number(major) : null;
  } catch {
    return null;
  }
}

async function dumpTables(
  settings: BackupSettings,
  planId: string,
  stepId: string,
  tables: ExistingTable[],
): Promise<string> {
  const folder = join(settings.dir, planId);
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${stepId}-${Date.now()}.dump`);
  // The password travels in the environment, never on a command line others can read.
  const url = new URL(settings.databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const patterns = tables.flatMap((t) => ["-t", `${dumpPattern(t.schema)}.${dumpPattern(t.name)}`]);
  try {
    await run("pg_dump", ["-Fc", "--no-owner", "-f", file, ...patterns, "-d", url.toString()], { env });
    const { stdout } = await run("pg_restore", ["--list", file]);
    for (const table of tables) {
      if (!stdout.includes(` TABLE DATA ${table.schema} ${table.name} `)) {
        throw new Error(`pg_restore --list does not show the data of ${table.schema}.${table.name}`);
      }
    }
  } catch (error) {
    throw new MigrateError(
      "MIGRATION_FAILED",
      `backup before step ${stepId} failed: ${redact(errorText(error))}; fix pg_dump access or rerun with the in-database backup (--backup copy)`,
      { cause: error },
    );
  }
  return file;
}

// Inside double quotes pg_dump patterns take names literally (no wildcards, no case folding).
function dumpPattern(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
