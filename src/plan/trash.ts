import { createHash } from "node:crypto";
import type { ColumnObj, SchemaModel, TableObj } from "../catalog/model.js";
import { quoteIdent, quoteLiteral } from "../db/quote.js";
import type { Change, Statement } from "../diff/change.js";
import { stmt } from "../diff/change.js";
import { primaryKey } from "./keys.js";

export const TRASH_SCHEMA = "migrate_mcp_trash";

/**
 * Where the rows or values a destructive step removes are kept until cleanup: a table in migrate_mcp_trash
 * holding each row (or each key with the column's value) as text, so it depends on no type or table the
 * plan may drop, and text I/O restores every value exactly.
 */
export interface TrashRecord {
  /** The dropped table or column. */
  objectId: string;
  kind: "table" | "column";
  /** Qualified name of the trash table, ready for SQL. */
  trash: string;
  /** The table the data came from (and returns to). */
  table: string;
  column: string | null;
  columnType: string | null;
  /** Primary key columns (SQL) that identify rows for a column's values. */
  key: string[];
  /** Columns a restored row is inserted into (not generated ones). */
  insertColumns: string[];
  /** Serial and identity columns, with an SQL expression for their sequence, moved past restored values. */
  sequences: { column: string; sequence: string }[];
}

export function trashName(scope: string, objectId: string): string {
  const hash = createHash("sha256").update(`${scope}\0${objectId}`).digest("hex").slice(0, 16);
  return `${quoteIdent(TRASH_SCHEMA)}.${quoteIdent(`t_${hash}`)}`;
}

/**
 * The sequence behind a serial or identity column, as SQL. A serial default names its sequence
 * (`nextval('public.t_id_seq'::regclass)`); an identity column's sequence is found by name, and
 * pg_get_serial_sequence takes the column name as it is, not as a quoted identifier.
 */
function sequenceOf(column: ColumnObj, table: string): string | null {
  if (column.identity)
    return `pg_catalog.pg_get_serial_sequence(${quoteLiteral(table)}, ${quoteLiteral(column.name)})`;
  return /^nextval\((.+)\)$/.exec(column.default ?? "")?.[1] ?? null;
}

export function columnsOf(model: SchemaModel, table: TableObj): ColumnObj[] {
  return table.columns.map((id) => model.objects[id]).filter((c): c is ColumnObj => c?.kind === "column");
}

export function sequencesOf(columns: ColumnObj[], table: string): { column: string; sequence: string }[] {
  return columns.flatMap((c) => {
    const sequence = sequenceOf(c, table);
    return sequence ? [{ column: quoteIdent(c.name), sequence }] : [];
  });
}

/**
 * The drops in `changes` whose data can be kept: tables that hold rows themselves (not a partitioned
 * parent), and columns of tables that stay and keep a primary key not using the column.
 */
export function trashRecords(
  changes: Change[],
  source: SchemaModel,
  target: SchemaModel,
  scope: string,
): TrashRecord[] {
  const records: TrashRecord[] = [];
  for (const change of changes) {
    if (change.action !== "drop" || change.statements.length === 0) continue;
    const object = source.objects[change.objectId];
    if (object?.kind === "table" && !object.partitionKey) {
      const columns = columnsOf(source, object);
      records.push({
        objectId: object.id,
        kind: "table",
        trash: trashName(scope, object.id),
        table: object.sqlName,
        column: null,
        columnType: null,
        key: [],
        insertColumns: columns.filter((c) => c.generated === null).map((c) => quoteIdent(c.name)),
        sequences: sequencesOf(columns, object.sqlName),
      });
    }
    if (
      object?.kind === "column" &&
      object.generated === null &&
      target.objects[object.table]?.kind === "table"
    ) {
      const key = primaryKey(source, object.table);
      if (!key || key.includes(quoteIdent(object.name))) continue;
      // Values are copied out and put back by key, so the table must keep that key through the plan.
      if (primaryKey(target, object.table)?.join(", ") !== key.join(", ")) continue;
      records.push({
        objectId: object.id,
        kind: "column",
        trash: trashName(scope, object.id),
        table: object.tableSql,
        column: quoteIdent(object.name),
        columnType: object.type,
        key,
        insertColumns: [],
        sequences: [],
      });
    }
  }
  return records;
}

/**
 * A column's values with their row's key, as text in the default collation, so the copy depends on no type
 * or collation the plan may drop.
 */
export function keyedValues(table: string, column: string, key: string[]): string {
  return `SELECT jsonb_build_array(${key.join(", ")}) AS key, ${column}::text COLLATE pg_catalog."default" AS value FROM ONLY ${table}`;
}

/**
 * Puts values copied by keyedValues back, by key (`cast` turns the text into the column's type), in the
 * rows `condition` (over the table and the copy `x`) also picks.
 */
export function keyedUpdate(
  table: string,
  column: string,
  cast: string,
  trash: string,
  key: string[],
  condition?: string,
): Statement {
  const match = `x.key = jsonb_build_array(${key.map((k) => `${table}.${k}`).join(", ")})`;
  return stmt(
    `UPDATE ${table} SET ${column} = x.value${cast} FROM ${trash} x WHERE ${match}${condition ? ` AND ${condition}` : ""}`,
  );
}

/**
 * Statements that copy the data out, run in the same transaction just before the drop. The value is kept
 * with the default collation so the copy never depends on a collation the plan drops. SHARE mode blocks
 * writes for the copy, so no row written in between is lost.
 */
export function saveStatements(record: TrashRecord, planName: string): Statement[] {
  const what = record.kind === "table" ? `rows of table ${record.table}` : `${record.table}.${record.column}`;
  const select =
    record.kind === "table"
      ? `SELECT r::text AS kept_row FROM ONLY ${record.table} r`
      : keyedValues(record.table, record.column ?? "", record.key);
  return [
    stmt(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(TRASH_SCHEMA)}`),
    stmt(`LOCK TABLE ONLY ${record.table} IN SHARE MODE`),
    stmt(`CREATE TABLE ${record.trash} AS ${select}`),
    stmt(
      `COMMENT ON TABLE ${record.trash} IS ${quoteLiteral(`migrate-mcp plan ${planName}: ${what}, kept until cleanup`)}`,
    ),
  ];
}

export function setvalStatements(
  sequences: { column: string; sequence: string }[],
  table: string,
): Statement[] {
  return sequences.map(({ column, sequence }) =>
    stmt(
      `SELECT pg_catalog.setval(${sequence}, s.m) FROM (SELECT max(${column}) AS m FROM ${table}) s WHERE s.m IS NOT NULL`,
    ),
  );
}

/** Statements that put the kept data back once the rollback has recreated the table or column. */
export function restoreStatements(record: TrashRecord): Statement[] {
  if (record.kind === "column") {
    return [
      keyedUpdate(record.table, record.column ?? "", `::${record.columnType}`, record.trash, record.key),
    ];
  }
  // A table without columns still has rows; they come back as empty rows.
  if (record.insertColumns.length === 0)
    return [stmt(`INSERT INTO ${record.table} SELECT FROM ${record.trash}`)];
  const columns = record.insertColumns.join(", ");
  const values = record.insertColumns.map((c) => `(s.r).${c}`).join(", ");
  return [
    stmt(
      `INSERT INTO ${record.table} (${columns}) OVERRIDING SYSTEM VALUE ` +
        `SELECT ${values} FROM (SELECT x.kept_row::${record.table} AS r FROM ${record.trash} x) s`,
    ),
    ...setvalStatements(record.sequences, record.table),
  ];
}

/**
 * cleanup.sql: drops what the plan kept, once nobody needs to roll back, and the copies of refilled tables a
 * stopped run may have left (`copies`).
 */
export function renderCleanupScript(records: TrashRecord[], copies: string[]): string {
  const tables = [...records.map((r) => r.trash), ...copies];
  return [
    "-- migrate-mcp cleanup script: removes the data this plan kept for rollback",
    "-- run only after the migration is verified and rollback is no longer wanted",
    "-- run with: psql -v ON_ERROR_STOP=1 -f cleanup.sql",
    "",
    ...(tables.length ? tables.map((t) => `DROP TABLE IF EXISTS ${t};`) : ["-- nothing was kept"]),
    "",
  ].join("\n");
}
