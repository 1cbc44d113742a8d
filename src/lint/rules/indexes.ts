import type { DropStmt, IndexStmt, RefreshMatViewStmt, ReindexStmt } from "libpg-query";
import { displayRelation, nameParts, relationFromParts, relationOf } from "../nodes.js";
import type { RuleContext } from "./context.js";

const MAX_USEFUL_INDEX_COLUMNS = 3;

export function createIndex(stmt: IndexStmt, ctx: RuleContext): void {
  if (!stmt.relation) return;
  const table = relationOf(stmt.relation);
  const name = displayRelation(table);
  const label = stmt.idxname ? `index ${stmt.idxname}` : "an index";
  if (stmt.idxname) ctx.state.createdIndexes.add(stmt.idxname);
  const columns = stmt.indexParams?.length ?? 0;
  if (!stmt.unique && columns > MAX_USEFUL_INDEX_COLUMNS) {
    ctx.report("MM212", `${label} on ${name} has ${columns} columns`);
  }
  if (stmt.concurrent) {
    if (ctx.state.inTransaction)
      ctx.report("MM003", `CREATE INDEX CONCURRENTLY on ${name} inside BEGIN … COMMIT`);
    return;
  }
  if (!ctx.existing(table)) return;
  ctx.takesLock();
  ctx.report("MM201", `builds ${label} on ${name} without CONCURRENTLY`, { table });
}

export function dropIndex(stmt: DropStmt, ctx: RuleContext): void {
  for (const node of stmt.objects ?? []) {
    const parts = "List" in node ? nameParts(node.List.items) : [];
    const index = relationFromParts(parts);
    if (ctx.state.createdIndexes.has(index.name)) continue;
    if (stmt.concurrent) {
      if (ctx.state.inTransaction) {
        ctx.report("MM003", `DROP INDEX CONCURRENTLY ${displayRelation(index)} inside BEGIN … COMMIT`);
      }
      continue;
    }
    ctx.takesLock();
    ctx.report("MM202", `drops index ${displayRelation(index)} without CONCURRENTLY`);
  }
}

export function reindex(stmt: ReindexStmt, ctx: RuleContext): void {
  const concurrently = (stmt.params ?? []).some(
    (node) => "DefElem" in node && node.DefElem.defname === "concurrently",
  );
  const target = stmt.relation ? displayRelation(relationOf(stmt.relation)) : (stmt.name ?? "the database");
  if (concurrently) {
    if (ctx.state.inTransaction) ctx.report("MM003", `REINDEX CONCURRENTLY ${target} inside BEGIN … COMMIT`);
    return;
  }
  const table = stmt.relation ? relationOf(stmt.relation) : undefined;
  if (table && !ctx.existing(table)) return;
  ctx.takesLock();
  ctx.report("MM203", `rebuilds ${target} without CONCURRENTLY`, { table });
}

export function refreshMaterializedView(stmt: RefreshMatViewStmt, ctx: RuleContext): void {
  if (stmt.concurrent || !stmt.relation) return;
  const view = relationOf(stmt.relation);
  if (!ctx.existing(view)) return;
  ctx.takesLock();
  ctx.report("MM214", `refreshes ${displayRelation(view)} without CONCURRENTLY`, { table: view });
}
