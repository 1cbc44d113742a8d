import type { Node } from "libpg-query";
import type { DbClient } from "../db/connect.js";
import { qualify, quoteIdent } from "../db/quote.js";
import { nameParts } from "../lint/nodes.js";
import { splitStatements } from "../sql/parse.js";

/** What happened to one statement run outside a transaction. */
export interface StandaloneResult {
  /** The catalog showed the statement's effect already in place (an earlier, interrupted attempt). */
  skipped: boolean;
  /** An invalid index left by an interrupted CREATE INDEX CONCURRENTLY, dropped before rebuilding. */
  droppedInvalidIndex: string | null;
}

/**
 * Runs one statement that cannot run in a transaction, as check-then-act on the catalog, so running it
 * again after a crash is safe: a concurrent index build that left an invalid index behind is dropped and
 * rebuilt, a valid one is kept, an enum label already added is not added twice, and an index already
 * dropped is not dropped again. Other statements run as written (the planner writes them idempotently).
 */
export async function runStandaloneStatement(client: DbClient, sql: string): Promise<StandaloneResult> {
  const [statement] = await splitStatements(sql, "step statement");
  const tree = statement?.tree;
  const result: StandaloneResult = { skipped: false, droppedInvalidIndex: null };
  if (tree && "IndexStmt" in tree && tree.IndexStmt.concurrent && tree.IndexStmt.idxname) {
    const range = tree.IndexStmt.relation;
    const table = range?.schemaname
      ? qualify(range.schemaname, range.relname ?? "")
      : quoteIdent(range?.relname ?? "");
    const existing = await findIndex(client, table, tree.IndexStmt.idxname);
    if (existing?.valid) return { ...result, skipped: true };
    if (existing) {
      await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${existing.sqlName}`);
      result.droppedInvalidIndex = existing.sqlName;
    }
  } else if (tree && "AlterEnumStmt" in tree && tree.AlterEnumStmt.newVal !== undefined) {
    const typeName = nameParts(tree.AlterEnumStmt.typeName).map(quoteIdent).join(".");
    if (await enumHasLabel(client, typeName, tree.AlterEnumStmt.newVal)) return { ...result, skipped: true };
  } else if (tree && isConcurrentIndexDrop(tree) && !(await anyIndexExists(client, tree))) {
    return { ...result, skipped: true };
  }
  await client.query(sql);
  return result;
}

async function findIndex(
  client: DbClient,
  table: string,
  name: string,
): Promise<{ sqlName: string; valid: boolean } | null> {
  const { rows } = await client.query<{ schema: string; valid: boolean }>(
    `SELECT n.nspname AS schema, i.indisvalid AS valid
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
      WHERE i.indrelid = to_regclass($1) AND ic.relname = $2`,
    [table, name],
  );
  const row = rows[0];
  return row ? { sqlName: qualify(row.schema, name), valid: row.valid } : null;
}

async function enumHasLabel(client: DbClient, typeName: string, label: string): Promise<boolean> {
  const { rows } = await client.query(
    "SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype($1) AND enumlabel = $2",
    [typeName, label],
  );
  return rows.length > 0;
}

function isConcurrentIndexDrop(tree: Node): boolean {
  return (
    "DropStmt" in tree && tree.DropStmt.removeType === "OBJECT_INDEX" && tree.DropStmt.concurrent === true
  );
}

async function anyIndexExists(client: DbClient, tree: Node): Promise<boolean> {
  if (!("DropStmt" in tree)) return true;
  for (const object of tree.DropStmt.objects ?? []) {
    const parts = "List" in object ? nameParts(object.List.items) : [];
    const { rows } = await client.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [
      parts.map(quoteIdent).join("."),
    ]);
    if (rows[0]?.found) return true;
  }
  return false;
}
