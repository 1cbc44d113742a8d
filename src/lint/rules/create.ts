import type { ColumnDef, Constraint, CreateStmt, IntoClause } from "libpg-query";
import { constraintsOf, displayRelation, nameParts, relationOf } from "../nodes.js";
import { checkColumnType } from "./column-types.js";
import type { RuleContext } from "./context.js";

export function createTable(stmt: CreateStmt, ctx: RuleContext): void {
  if (!stmt.relation) return;
  const table = relationOf(stmt.relation);
  if (ctx.state.wasDropped(table)) {
    ctx.report("MM309", `${displayRelation(table)} was dropped above and is created again, empty`);
  }
  const elements = stmt.tableElts ?? [];
  const columns = elements.flatMap((node): ColumnDef[] => ("ColumnDef" in node ? [node.ColumnDef] : []));
  const tableConstraints = elements.flatMap((node): Constraint[] =>
    "Constraint" in node ? [node.Constraint] : [],
  );
  const primaryKey = new Set(
    tableConstraints
      .filter((constraint) => constraint.contype === "CONSTR_PRIMARY")
      .flatMap((constraint) => nameParts(constraint.keys)),
  );
  for (const column of columns) {
    const inlinePrimary = constraintsOf(column).some((constraint) => constraint.contype === "CONSTR_PRIMARY");
    checkColumnType(column, ctx, { primaryKey: inlinePrimary || primaryKey.has(column.colname ?? "") });
  }
  // A new table is invisible to others, but its foreign keys and its parent are not.
  const referenced = [...columns.flatMap(constraintsOf), ...tableConstraints].flatMap((constraint) =>
    constraint.pktable ? [relationOf(constraint.pktable)] : [],
  );
  const parents = (stmt.inhRelations ?? []).flatMap((node) =>
    "RangeVar" in node ? [relationOf(node.RangeVar)] : [],
  );
  if ([...referenced, ...parents].some((ref) => ctx.existing(ref))) ctx.takesLock();
  // IF NOT EXISTS on a table the database already has creates nothing: later statements hit the live table.
  if (stmt.if_not_exists && ctx.facts?.table(table)) return;
  ctx.state.created.push(table);
}

/** CREATE TABLE … AS, CREATE MATERIALIZED VIEW, SELECT … INTO: a new relation, nothing else to check. */
export function createFromQuery(into: IntoClause | undefined, ctx: RuleContext): void {
  if (into?.rel) ctx.state.created.push(relationOf(into.rel));
}
