import type { ClusterStmt, LockStmt, VacuumStmt } from "libpg-query";
import { displayRelation, type RelationRef, relationOf } from "../nodes.js";
import type { RuleContext } from "./context.js";

// LOCK modes as numbered in PostgreSQL's lockdefs.h; SHARE (5) and above block writes.
const LOCK_MODES = [
  "",
  "ACCESS SHARE",
  "ROW SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE",
];
const SHARE_LOCK = 5;

export function vacuum(stmt: VacuumStmt, ctx: RuleContext): void {
  const full = (stmt.options ?? []).some((node) => "DefElem" in node && node.DefElem.defname === "full");
  if (!stmt.is_vacuumcmd || !full) return;
  const tables = (stmt.rels ?? []).flatMap((node) =>
    "VacuumRelation" in node && node.VacuumRelation.relation
      ? [relationOf(node.VacuumRelation.relation)]
      : [],
  );
  if (tables.length === 0) {
    ctx.takesLock();
    ctx.report("MM602", "VACUUM FULL without a table rewrites every table in the database");
    return;
  }
  for (const table of tables.filter((ref) => ctx.existing(ref))) {
    ctx.takesLock();
    ctx.report("MM602", `VACUUM FULL rewrites ${displayRelation(table)}`, { table });
  }
}

export function cluster(stmt: ClusterStmt, ctx: RuleContext): void {
  const table: RelationRef | undefined = stmt.relation ? relationOf(stmt.relation) : undefined;
  if (table && !ctx.existing(table)) return;
  ctx.takesLock();
  ctx.report("MM603", `CLUSTER rewrites ${table ? displayRelation(table) : "every clustered table"}`, {
    table,
  });
}

export function lockTable(stmt: LockStmt, ctx: RuleContext): void {
  const mode = stmt.mode ?? 8;
  if (mode < SHARE_LOCK) return;
  const tables = (stmt.relations ?? [])
    .flatMap((node) => ("RangeVar" in node ? [relationOf(node.RangeVar)] : []))
    .filter((table) => ctx.existing(table));
  if (tables.length === 0) return;
  ctx.takesLock();
  ctx.report("MM604", `LOCK ${tables.map(displayRelation).join(", ")} IN ${LOCK_MODES[mode]} MODE`);
}
