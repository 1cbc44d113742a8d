import type { ColumnObj, SchemaModel, TableObj } from "../catalog/model.js";
import { quoteIdent } from "../db/quote.js";
import type { Change, Statement } from "../diff/change.js";
import { stmt } from "../diff/change.js";
import { needsTextCast } from "../diff/sql/columns.js";
import { columnsOf, sequencesOf, setvalStatements, TRASH_SCHEMA, trashName } from "./trash.js";

/**
 * The rows of a table the plan drops and creates again under the same name (a plain table made
 * partitioned, a partitioned one made plain, a new partition key): copied aside just before the first drop
 * of the table or one of its partitions, and inserted once the new table and all its partitions exist.
 */
export interface Refill {
  /** The table's id, the same in both models. */
  objectId: string;
  /** Its qualified name, ready for SQL. */
  table: string;
  /** Qualified name of the copy, in migrate_mcp_trash. */
  copy: string;
  /** The dropped tables that hold the rows: the table itself, or the partitions that go with it. */
  holders: string[];
  /** What the copy takes of each carried column: the value, or its text when the type is the user's own. */
  copied: string[];
  /** The carried columns of the new table (quoted), and the expressions over the copy that fill them. */
  columns: string[];
  values: string[];
  /** Every value the old table stored has a column to go to. */
  complete: boolean;
  /** Serial and identity columns of the new table, moved past the copied values. */
  sequences: { column: string; sequence: string }[];
}

const USER_TYPE_KINDS = new Set(["enum", "domain", "composite", "range", "collation"]);

/** The table and its partitions, theirs too, in `model`. */
export function withPartitions(model: SchemaModel, tableId: string): Set<string> {
  const members = new Set([tableId]);
  const tables = Object.values(model.objects).filter((o): o is TableObj => o.kind === "table");
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of tables) {
      if (t.partitionOf && members.has(t.partitionOf) && !members.has(t.id)) {
        members.add(t.id);
        grew = true;
      }
    }
  }
  return members;
}

/**
 * Every table `changes` drops and creates again, with how its rows come over: its own rows, or those of
 * all its partitions when none of them stays.
 */
export function refillsOf(
  changes: Change[],
  source: SchemaModel,
  target: SchemaModel,
  scope: string,
): Refill[] {
  const dropped = new Set(
    changes.flatMap((c) => (c.action === "drop" && c.statements.length ? [c.objectId] : [])),
  );
  const refills: Refill[] = [];
  for (const id of dropped) {
    const before = source.objects[id];
    const after = target.objects[id];
    if (before?.kind !== "table" || after?.kind !== "table" || before.partitionOf) continue;
    const members = [...withPartitions(source, id)];
    // Dropping some partitions while others stay is how old rows are deleted; only a table whose partitions
    // all go (made plain, or partitioned anew) carries their rows over.
    if (members.some((member) => member !== id && target.objects[member]?.kind === "table")) continue;
    const holders = members.flatMap((member) => {
      const table = source.objects[member];
      return table?.kind === "table" && !table.partitionKey && dropped.has(member) ? [table.sqlName] : [];
    });
    const refill = holders.length ? refillOf(source, target, before, after, holders, scope) : null;
    if (refill) refills.push(refill);
  }
  return refills;
}

function refillOf(
  source: SchemaModel,
  target: SchemaModel,
  before: TableObj,
  after: TableObj,
  holders: string[],
  scope: string,
): Refill | null {
  const targetColumns = new Map(columnsOf(target, after).map((c) => [c.name, c]));
  const stored = columnsOf(source, before).filter((c) => c.generated === null);
  const carried = stored.flatMap((from) => {
    const to = targetColumns.get(from.name);
    return to && to.generated === null ? [{ from, to }] : [];
  });
  if (carried.length === 0) return null;
  const copied: string[] = [];
  const values: string[] = [];
  for (const { from, to } of carried) {
    const name = quoteIdent(from.name);
    // A type or collation of the user's may be rebuilt or dropped by the plan, which a typed copy would
    // hold up; text I/O carries every value, and the new type reads it back.
    if (usesUserType(source, from)) {
      copied.push(`${name}::text COLLATE pg_catalog."default" AS ${name}`);
      values.push(to.type === "text" ? name : `${name}::${to.type}`);
      continue;
    }
    copied.push(name);
    if (from.type === to.type) values.push(name);
    else if (needsTextCast(from, to, source, target)) values.push(`${name}::text::${to.type}`);
    else values.push(`${name}::${to.type}`);
  }
  return {
    objectId: before.id,
    table: after.sqlName,
    copy: trashName(`${scope}\0refill`, before.id),
    holders,
    copied,
    columns: carried.map(({ to }) => quoteIdent(to.name)),
    values,
    complete: carried.length === stored.length,
    sequences: sequencesOf(
      carried.map(({ to }) => to),
      after.sqlName,
    ),
  };
}

function usesUserType(model: SchemaModel, column: ColumnObj): boolean {
  return column.dependsOn.some((id) => USER_TYPE_KINDS.has(model.objects[id]?.kind ?? ""));
}

/**
 * Statements that copy the rows aside, run first in the step that drops the table or its first partition.
 * SHARE mode blocks writes for the copy, so no row written in between is lost.
 */
export function copyAsideStatements(refill: Refill): Statement[] {
  const select = refill.holders.map((table) => `SELECT ${refill.copied.join(", ")} FROM ONLY ${table}`);
  return [
    stmt(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(TRASH_SCHEMA)}`),
    stmt(`LOCK TABLE ${refill.holders.map((table) => `ONLY ${table}`).join(", ")} IN SHARE MODE`),
    stmt(`CREATE TABLE ${refill.copy} AS ${select.join(" UNION ALL ")}`),
  ];
}

/** Statements that fill the new table from the copy, move its sequences on, and drop the copy. */
export function refillStatements(refill: Refill): Statement[] {
  return [
    stmt(
      `INSERT INTO ${refill.table} (${refill.columns.join(", ")}) OVERRIDING SYSTEM VALUE ` +
        `SELECT ${refill.values.join(", ")} FROM ${refill.copy}`,
    ),
    ...setvalStatements(refill.sequences, refill.table),
    stmt(`DROP TABLE ${refill.copy}`),
  ];
}

/**
 * `changes` with the drops whose every stored value a refill carries into the new table no longer marked
 * destructive: the table, its partitions and their columns.
 */
export function withoutRefilledLosses(changes: Change[], source: SchemaModel, target: SchemaModel): Change[] {
  const carried = new Set<string>();
  for (const refill of refillsOf(changes, source, target, "")) {
    if (!refill.complete) continue;
    for (const id of withPartitions(source, refill.objectId)) {
      const table = source.objects[id];
      if (table?.kind === "table") for (const part of [id, ...table.columns]) carried.add(part);
    }
  }
  if (carried.size === 0) return changes;
  return changes.map((change) =>
    change.action === "drop" && change.destructive && carried.has(change.objectId)
      ? { ...change, destructive: false }
      : change,
  );
}
