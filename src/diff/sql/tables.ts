import { inForeignKey } from "../../catalog/lookup.js";
import type { ColumnObj, TableObj } from "../../catalog/model.js";
import { quoteIdent } from "../../db/quote.js";
import { type DiffContext, type Generator, type Statement, stmt } from "../change.js";
import { parentColumn } from "../inheritance.js";
import { rebuildsPartitionedTable } from "../parents.js";
import { columnDefinition, columnExtras, columnSettingsBeyond, inheritedColumnSettings } from "./columns.js";
import {
  columnGrantsAfterTableRevoke,
  commentChange,
  commentOnCreate,
  NO_PRIVILEGES,
  optionChanges,
  privilegeChange,
} from "./common.js";

function ownColumns(table: TableObj, ctx: DiffContext): ColumnObj[] {
  return table.columns.map((id) => ctx.target.objects[id] as ColumnObj).filter((c) => c && !c.inherited);
}

export function replicaIdentity(t: TableObj): Statement {
  const clause =
    t.replicaIdentity === "index"
      ? `USING INDEX ${quoteIdent(t.replicaIndex ?? "")}`
      : t.replicaIdentity.toUpperCase();
  return stmt(`ALTER TABLE ${t.sqlName} REPLICA IDENTITY ${clause}`);
}

function rowSecurity(t: TableObj, from?: TableObj): Statement[] {
  const out: Statement[] = [];
  if ((from?.rowSecurity ?? false) !== t.rowSecurity) {
    out.push(stmt(`ALTER TABLE ${t.sqlName} ${t.rowSecurity ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`));
  }
  if ((from?.forceRowSecurity ?? false) !== t.forceRowSecurity) {
    out.push(stmt(`ALTER TABLE ${t.sqlName} ${t.forceRowSecurity ? "" : "NO "}FORCE ROW LEVEL SECURITY`));
  }
  return out;
}

/** CREATE TABLE with every column the table declares itself; replica identity USING INDEX comes later. */
function createTable(t: TableObj, ctx: DiffContext): Statement[] {
  const columns = ownColumns(t, ctx);
  const head = `CREATE ${t.unlogged ? "UNLOGGED " : ""}TABLE ${t.sqlName}`;
  let sql: string;
  if (t.partitionOfSql) {
    sql = `${head} PARTITION OF ${t.partitionOfSql} ${t.partitionBound}`;
  } else if (t.ofTypeSql) {
    sql = `${head} OF ${t.ofTypeSql}`;
  } else {
    const body = columns.map((c) => `    ${columnDefinition(c)}`).join(",\n");
    sql = `${head} (\n${body}\n)`;
    if (t.inheritsSql.length) sql += ` INHERITS (${t.inheritsSql.join(", ")})`;
  }
  if (t.partitionKey) sql += ` PARTITION BY ${t.partitionKey}`;
  if (t.options.length) sql += ` WITH (${t.options.join(", ")})`;
  // A typed table's columns come from its type; their defaults and NOT NULL come as ALTERs.
  const typedColumns = t.ofTypeSql ? columns.flatMap((c) => columnSettingsBeyond(c)) : [];
  // Inherited columns' own settings beyond their parents' (a partition's own default, a comment).
  const inherited = t.columns.flatMap((id) => {
    const column = ctx.target.objects[id];
    const parent =
      column?.kind === "column" && column.inherited ? parentColumn(ctx.target, column) : undefined;
    return parent && column?.kind === "column" ? inheritedColumnSettings(parent, column) : [];
  });
  return [
    stmt(sql),
    ...typedColumns,
    ...columns.flatMap(columnExtras),
    ...inherited,
    ...(t.replicaIdentity === "full" || t.replicaIdentity === "nothing" ? [replicaIdentity(t)] : []),
    ...rowSecurity(t),
    ...commentOnCreate(`TABLE ${t.sqlName}`, t.comment),
    ...privilegeChange(`TABLE ${t.sqlName}`, NO_PRIVILEGES, t.grants),
  ];
}

/**
 * Whether the table changes parent or bound, or its parent is rebuilt for a new partition key: it is
 * detached from the old one and attached to the new.
 */
export function movesPartition(from: TableObj, to: TableObj, ctx: DiffContext): boolean {
  return (
    from.partitionOf !== to.partitionOf ||
    from.partitionBound !== to.partitionBound ||
    (from.partitionOf !== null && rebuildsPartitionedTable(ctx.source, ctx.target, from.partitionOf))
  );
}

/** Whether `to`, which exists before the plan as `from`, joins a partitioned table or changes its bound. */
export function attachesPartition(from: TableObj, to: TableObj, ctx: DiffContext): boolean {
  return to.partitionOfSql !== null && movesPartition(from, to, ctx);
}

export function attachPartition(t: TableObj): Statement {
  return stmt(`ALTER TABLE ${t.partitionOfSql} ATTACH PARTITION ${t.sqlName} ${t.partitionBound}`);
}

export const tableSql: Generator<TableObj> = {
  create: createTable,
  // PostgreSQL refuses to drop a partition of a table a foreign key references (the key holds it) until it
  // is detached, which checks that no row references it; detached first when any key names the parent.
  drop: (t, ctx) => [
    ...(t.partitionOf && t.partitionOfSql && inForeignKey(ctx.source, t.partitionOf)
      ? [stmt(`ALTER TABLE ${t.partitionOfSql} DETACH PARTITION ${t.sqlName}`)]
      : []),
    stmt(`DROP TABLE ${t.sqlName}`),
  ],
  alter: (from, to, ctx) => {
    if (rebuildsPartitionedTable(ctx.source, ctx.target, from.id)) return "recreate";
    const out: Statement[] = [];
    // ATTACH is a step of its own (see diff.ts), after the detaches and drops of the new siblings.
    if (from.partitionOfSql && movesPartition(from, to, ctx)) {
      out.push(stmt(`ALTER TABLE ${from.partitionOfSql} DETACH PARTITION ${to.sqlName}`));
    }
    if (from.ofTypeSql && from.ofType !== to.ofType) out.push(stmt(`ALTER TABLE ${to.sqlName} NOT OF`));
    if (to.ofTypeSql && from.ofType !== to.ofType)
      out.push(stmt(`ALTER TABLE ${to.sqlName} OF ${to.ofTypeSql}`));
    for (const parent of from.inheritsSql) {
      if (!to.inheritsSql.includes(parent)) out.push(stmt(`ALTER TABLE ${to.sqlName} NO INHERIT ${parent}`));
    }
    for (const parent of to.inheritsSql) {
      if (!from.inheritsSql.includes(parent)) out.push(stmt(`ALTER TABLE ${to.sqlName} INHERIT ${parent}`));
    }
    if (from.unlogged !== to.unlogged) {
      out.push(stmt(`ALTER TABLE ${to.sqlName} SET ${to.unlogged ? "UNLOGGED" : "LOGGED"}`));
    }
    out.push(...optionChanges(`ALTER TABLE ${to.sqlName}`, from.options, to.options));
    // USING INDEX needs the index to exist, so the diff sets it in a step after the index (see diff.ts).
    if (from.replicaIdentity !== to.replicaIdentity && to.replicaIdentity !== "index")
      out.push(replicaIdentity(to));
    out.push(...rowSecurity(to, from));
    out.push(...commentChange(`TABLE ${to.sqlName}`, from.comment, to.comment));
    out.push(...privilegeChange(`TABLE ${to.sqlName}`, from.grants, to.grants));
    const columns = to.columns.flatMap((id) => {
      const column = ctx.target.objects[id];
      return column?.kind === "column" ? [column] : [];
    });
    out.push(...columnGrantsAfterTableRevoke(`TABLE ${to.sqlName}`, from.grants, to.grants, columns));
    return out;
  },
};
