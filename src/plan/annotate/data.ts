import type {
  ClusterStmt,
  DeleteStmt,
  IndexStmt,
  InsertStmt,
  LockStmt,
  Node,
  RangeVar,
  RefreshMatViewStmt,
  ReindexStmt,
  UpdateStmt,
  VacuumStmt,
} from "libpg-query";
import { type RelationRef, relationOf, walkTree } from "../../lint/nodes.js";
import { LOCK_LEVELS, type LockLevel } from "../step.js";
import { isExisting, type StatementContext } from "./context.js";
import { displayName } from "./relations.js";

/** Statements that read, write or rebuild a table's data: index builds, DML, maintenance, explicit locks. */

export function createIndex(stmt: IndexStmt, ctx: StatementContext): void {
  if (!stmt.relation) return;
  const table = ctx.state.relations.find(relationOf(stmt.relation));
  // ON ONLY a partitioned table: the index is added to the catalog, invalid until the partitions' indexes
  // are attached, and nothing is built.
  if (stmt.relation.inh !== true && ctx.facts.partitioned(table?.sourceId ?? null)) {
    ctx.lock(table, "SHARE");
  } else if (stmt.concurrent) {
    ctx.lock(table, "SHARE UPDATE EXCLUSIVE", "index build");
    if (ctx.inTransactionBlock) ctx.hazard("MM003");
  } else {
    ctx.lock(table, "SHARE", "index build");
    if (isExisting(table)) ctx.hazard("MM201");
  }
  if (stmt.idxname && table) ctx.state.relations.created({ name: stmt.idxname }, "index", table);
}

/** REINDEX locks the table against writes and each rebuilt index against every query that plans with it. */
export function reindex(stmt: ReindexStmt, ctx: StatementContext): void {
  if (!stmt.relation) return;
  const relations = ctx.state.relations;
  const concurrently = (stmt.params ?? []).some(
    (node) => "DefElem" in node && node.DefElem.defname === "concurrently",
  );
  const named = relations.find(
    relationOf(stmt.relation),
    stmt.kind === "REINDEX_OBJECT_INDEX" ? "index" : "table",
  );
  const table = named?.kind === "index" ? relations.tableOf(named) : named;
  if (concurrently) {
    ctx.lock(table ?? named, "SHARE UPDATE EXCLUSIVE", "index build");
    if (ctx.inTransactionBlock) ctx.hazard("MM003");
    return;
  }
  ctx.lock(table, "SHARE", "index build");
  if (!isExisting(named)) return;
  if (named.kind === "index") ctx.lock(named, "ACCESS EXCLUSIVE", "index build");
  else ctx.lockDescribed(`the indexes of ${displayName(named)}`, "ACCESS EXCLUSIVE", "index build");
  ctx.hazard("MM203");
}

/** Every relation a query reads (FROM, joins, subqueries); CTE names match no relation and drop out. */
function readRelations(nodes: (Node | undefined)[]): RelationRef[] {
  const refs: RelationRef[] = [];
  for (const node of nodes) {
    walkTree(node, (_key, value) => {
      if (typeof value.relname === "string") refs.push(relationOf(value as RangeVar));
    });
  }
  return refs;
}

function lockReads(nodes: (Node | undefined)[], ctx: StatementContext): void {
  for (const ref of readRelations(nodes)) ctx.lock(ctx.state.relations.find(ref), "ACCESS SHARE", "scan");
}

/** SELECT, including SELECT … INTO, and CREATE TABLE … AS / CREATE MATERIALIZED VIEW: reads, then a new relation. */
export function query(
  select: Node | undefined,
  into: RangeVar | undefined,
  matview: boolean,
  ctx: StatementContext,
): void {
  lockReads([select], ctx);
  if (into) ctx.state.relations.created(relationOf(into), matview ? "materialized view" : "table");
}

export function update(stmt: UpdateStmt, ctx: StatementContext): void {
  if (!stmt.relation) return;
  const table = ctx.state.relations.find(relationOf(stmt.relation));
  // A backfill runs the UPDATE batch by batch, committing each: row locks are held for one batch at a time.
  // Otherwise how many rows a WHERE selects is unknown; a migration's UPDATE usually touches most of them.
  const everyRow = stmt.whereClause === undefined;
  ctx.lock(table, "ROW EXCLUSIVE", ctx.backfill ? "batches" : "scan");
  lockReads([...(stmt.fromClause ?? []), stmt.whereClause], ctx);
  if (everyRow && !ctx.backfill && isExisting(table)) ctx.hazard("MM601");
}

export function remove(stmt: DeleteStmt, ctx: StatementContext): void {
  if (!stmt.relation) return;
  const table = ctx.state.relations.find(relationOf(stmt.relation));
  const everyRow = stmt.whereClause === undefined;
  ctx.lock(table, "ROW EXCLUSIVE", "scan");
  lockReads([...(stmt.usingClause ?? []), stmt.whereClause], ctx);
  if (everyRow && isExisting(table)) ctx.hazard("MM308");
}

export function insert(stmt: InsertStmt, ctx: StatementContext): void {
  if (!stmt.relation) return;
  ctx.lock(ctx.state.relations.find(relationOf(stmt.relation)), "ROW EXCLUSIVE");
  lockReads([stmt.selectStmt], ctx);
}

const ACCESS_EXCLUSIVE_MODE = 8;

/**
 * LOCK's mode number (lockdefs.h: 1 ACCESS SHARE, 2 ROW SHARE, 3 ROW EXCLUSIVE … 8 ACCESS EXCLUSIVE) as a
 * LockLevel. ROW SHARE has no place in LOCK_LEVELS; it is recorded as ROW EXCLUSIVE, the next stronger
 * mode, so a step never claims less than it takes.
 */
function lockLevelOf(mode: number): LockLevel {
  return LOCK_LEVELS[mode <= 1 ? mode : Math.max(2, mode - 1)] ?? "ACCESS EXCLUSIVE";
}

export function lockTable(stmt: LockStmt, ctx: StatementContext): void {
  const level = lockLevelOf(stmt.mode ?? ACCESS_EXCLUSIVE_MODE);
  const tables = (stmt.relations ?? []).flatMap((node) =>
    "RangeVar" in node ? [ctx.state.relations.find(relationOf(node.RangeVar))] : [],
  );
  for (const table of tables) ctx.lock(table, level);
  if (tables.some(isExisting) && LOCK_LEVELS.indexOf(level) >= LOCK_LEVELS.indexOf("SHARE"))
    ctx.hazard("MM604");
}

/** VACUUM FULL rewrites; plain VACUUM and ANALYZE read the table beside normal traffic. */
export function vacuum(stmt: VacuumStmt, ctx: StatementContext): void {
  const full = (stmt.options ?? []).some((node) => "DefElem" in node && node.DefElem.defname === "full");
  const tables = (stmt.rels ?? []).flatMap((node) =>
    "VacuumRelation" in node && node.VacuumRelation.relation
      ? [ctx.state.relations.find(relationOf(node.VacuumRelation.relation))]
      : [],
  );
  for (const table of tables) {
    ctx.lock(
      table,
      full && stmt.is_vacuumcmd ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE",
      full ? "rewrite" : "scan",
    );
  }
  if (full && stmt.is_vacuumcmd && tables.some(isExisting)) ctx.hazard("MM602");
}

export function cluster(stmt: ClusterStmt, ctx: StatementContext): void {
  if (!stmt.relation) return;
  const table = ctx.state.relations.find(relationOf(stmt.relation));
  ctx.lock(table, "ACCESS EXCLUSIVE", "rewrite");
  if (isExisting(table)) ctx.hazard("MM603");
}

export function refreshMaterializedView(stmt: RefreshMatViewStmt, ctx: StatementContext): void {
  if (!stmt.relation) return;
  const view = ctx.state.relations.find(relationOf(stmt.relation), "materialized view");
  ctx.lock(view, stmt.concurrent ? "EXCLUSIVE" : "ACCESS EXCLUSIVE", "rewrite");
  if (!stmt.concurrent && isExisting(view)) ctx.hazard("MM214");
}
