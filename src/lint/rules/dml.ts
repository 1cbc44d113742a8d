import type { DeleteStmt, UpdateStmt } from "libpg-query";
import { displayRelation, relationOf } from "../nodes.js";
import type { RuleContext } from "./context.js";

/** Whole-table DML: fine on a table this script just created, a long transaction on a real one. */
export function deleteStatement(stmt: DeleteStmt, ctx: RuleContext): void {
  if (stmt.whereClause || !stmt.relation) return;
  const table = relationOf(stmt.relation);
  if (!ctx.existing(table)) return;
  ctx.report("MM308", `DELETE without WHERE removes every row of ${displayRelation(table)}`, { table });
}

export function updateStatement(stmt: UpdateStmt, ctx: RuleContext): void {
  if (stmt.whereClause || !stmt.relation) return;
  const table = relationOf(stmt.relation);
  if (!ctx.existing(table)) return;
  ctx.report("MM601", `UPDATE without WHERE rewrites every row of ${displayRelation(table)} at once`, {
    table,
  });
}
