import type { AlterEnumStmt, ObjectType, RenameStmt } from "libpg-query";
import { displayRelation, nameParts, relationOf } from "../nodes.js";
import type { RuleContext } from "./context.js";

const RENAMED_RELATIONS = new Set<ObjectType>([
  "OBJECT_TABLE",
  "OBJECT_VIEW",
  "OBJECT_MATVIEW",
  "OBJECT_FOREIGN_TABLE",
]);

export function rename(stmt: RenameStmt, ctx: RuleContext): void {
  const kind = stmt.renameType;
  if (kind === "OBJECT_SCHEMA") {
    ctx.report("MM403", `renames schema ${stmt.subname} to ${stmt.newname}`);
    return;
  }
  if (!stmt.relation) return;
  const relation = relationOf(stmt.relation);
  const existing = ctx.existing(relation);
  if (kind === "OBJECT_COLUMN" && existing) {
    ctx.takesLock();
    ctx.report("MM401", `renames column ${displayRelation(relation)}.${stmt.subname} to ${stmt.newname}`);
  } else if (kind !== undefined && RENAMED_RELATIONS.has(kind)) {
    if (existing) {
      ctx.takesLock();
      ctx.report("MM402", `renames ${displayRelation(relation)} to ${stmt.newname}`);
    } else {
      ctx.state.created.push({ schema: relation.schema, name: stmt.newname ?? "" });
    }
  }
}

export function alterEnum(stmt: AlterEnumStmt, ctx: RuleContext): void {
  const type = nameParts(stmt.typeName).join(".");
  if (stmt.oldVal !== undefined) {
    ctx.report("MM404", `renames label '${stmt.oldVal}' of ${type} to '${stmt.newVal}'`);
    return;
  }
  if (ctx.state.inTransaction) ctx.report("MM605", `adds '${stmt.newVal}' to ${type} inside BEGIN … COMMIT`);
  if (!stmt.newValNeighbor) ctx.report("MM606", `adds '${stmt.newVal}' to ${type} without BEFORE or AFTER`);
}
