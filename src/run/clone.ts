import { pipeline } from "node:stream/promises";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { SchemaModel } from "../catalog/model.js";
import { type DbClient, withClient } from "../db/connect.js";
import { qualify, quoteIdent } from "../db/quote.js";
import { redact } from "../db/redact.js";
import { diffSchemas } from "../diff/diff.js";
import { errorText, MigrateError } from "../errors.js";
import { type Cancellation, NEVER_CANCELLED } from "./cancel.js";
import { foreignKeys, orphanCondition, userTables } from "./checks.js";
import { type Snapshot, takeSnapshot } from "./snapshot.js";

// Deleting orphans can orphan rows further down a chain of foreign keys; each pass removes one level.
const MAX_ORPHAN_PASSES = 20;

/**
 * Rebuilds the schema of `source` in the empty database `shadow` by diffing the shadow's model against
 * the source's (the same engine that writes plans), and with `rowsPerTable` copies up to that many rows
 * of every table. Returns the shadow's resulting state. `cancel` (for the shadow's server) stops the row copy
 * between tables and cancels a table's COPY on the shadow.
 */
export async function cloneDatabase(
  sourceUrl: string,
  shadowUrl: string,
  source: SchemaModel,
  rowsPerTable: number | null,
  cancel: Cancellation = NEVER_CANCELLED,
): Promise<Snapshot> {
  return withClient(
    shadowUrl,
    async (shadow) => {
      await shadow.query("SET search_path = ''");
      await shadow.query("SET check_function_bodies = false");
      await shadow.query("SET client_min_messages = warning");
      const empty = await takeSnapshot(shadow);
      for (const change of diffSchemas(empty.model, source)) {
        for (const statement of change.statements) await shadow.query(statement.sql);
      }
      if (rowsPerTable !== null) {
        await withClient(sourceUrl, (from) => copyRows(from, shadow, rowsPerTable, cancel), {
          readOnly: true,
          applicationName: "migrate-mcp rehearse (copy)",
        });
      }
      return takeSnapshot(shadow);
    },
    { applicationName: "migrate-mcp rehearse (clone)" },
  );
}

/**
 * Copies the first `limit` rows of every table with COPY. Foreign keys are not checked during the copy
 * (session_replication_role = replica, which needs a superuser), because a sample of a parent table need
 * not hold every row its sampled children point to; rows left pointing nowhere are deleted afterwards, so
 * the shadow's data satisfies every constraint, as the real database's does.
 */
async function copyRows(
  source: DbClient,
  shadow: DbClient,
  limit: number,
  cancel: Cancellation,
): Promise<void> {
  try {
    await shadow.query("SET session_replication_role = replica");
  } catch (error) {
    throw new MigrateError(
      "SHADOW_REFUSED",
      `copying sample rows into the shadow needs a superuser (session_replication_role): ${redact(errorText(error))}; rehearse without --with-data, or as a superuser`,
      { cause: error },
    );
  }
  try {
    for (const table of await userTables(source)) {
      const name = qualify(table.schema, table.name);
      const columns = await copyableColumns(source, name);
      if (columns.length === 0) continue;
      const list = columns.map(quoteIdent).join(", ");
      await cancel.guard(shadow, () =>
        pipeline(
          source.query(
            copyTo(`COPY (SELECT ${list} FROM ONLY ${name} LIMIT ${Math.floor(limit)}) TO STDOUT`),
          ),
          shadow.query(copyFrom(`COPY ${name} (${list}) FROM STDIN`)),
        ),
      );
    }
    await deleteOrphans(shadow);
    await copySequenceValues(source, shadow);
  } finally {
    await shadow.query("RESET session_replication_role").catch(() => {});
  }
}

/** Columns a COPY may write: not dropped, not generated. */
async function copyableColumns(client: DbClient, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [table],
  );
  return rows.map((row) => row.name);
}

async function deleteOrphans(shadow: DbClient): Promise<void> {
  const keys = await foreignKeys(shadow);
  for (let pass = 0; pass < MAX_ORPHAN_PASSES; pass++) {
    let deleted = 0;
    for (const fk of keys) {
      const result = await shadow.query(
        `DELETE FROM ${qualify(fk.child_schema, fk.child)} c WHERE ${orphanCondition(fk)}`,
      );
      deleted += result.rowCount ?? 0;
    }
    if (deleted === 0) return;
  }
}

async function copySequenceValues(source: DbClient, shadow: DbClient): Promise<void> {
  const { rows } = await source.query<{ schema: string; name: string; value: string | null }>(
    `SELECT schemaname AS schema, sequencename AS name, last_value::text AS value FROM pg_sequences
      WHERE schemaname NOT LIKE 'migrate\\_mcp%'`,
  );
  for (const row of rows) {
    if (row.value === null) continue;
    await shadow.query("SELECT setval(to_regclass($1), $2::bigint)", [
      qualify(row.schema, row.name),
      row.value,
    ]);
  }
}
