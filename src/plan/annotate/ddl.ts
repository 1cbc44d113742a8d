import type {
  AlterDomainStmt,
  AlterObjectSchemaStmt,
  CommentStmt,
  CreateFunctionStmt,
  CreateStmt,
  DropStmt,
  GrantStmt,
  Node,
  ObjectType,
  RenameStmt,
  TruncateStmt,
  ViewStmt,
} from "libpg-query";
import { qualify } from "../../db/quote.js";
import {
  constraintsOf,
  nameParts,
  type RelationRef,
  relationFromParts,
  relationOf,
} from "../../lint/nodes.js";
import { isExisting, type StatementContext } from "./context.js";
import type { RelationKind, TrackedRelation } from "./relations.js";

/** Creating, dropping, renaming and describing objects: statements whose work is on the catalog. */

const RELATION_KINDS: Partial<Record<ObjectType, RelationKind>> = {
  OBJECT_TABLE: "table",
  OBJECT_FOREIGN_TABLE: "table",
  OBJECT_VIEW: "view",
  OBJECT_MATVIEW: "materialized view",
  OBJECT_SEQUENCE: "sequence",
  OBJECT_INDEX: "index",
};

// Model kinds whose renaming or dropping breaks code that names them.
const NAMED_BY_CODE = new Set<RelationKind>(["table", "view", "materialized view"]);

/** Sub-objects of a table named as [schema, table, name]: triggers, policies, rules, columns, constraints. */
const TABLE_PARTS = new Set<ObjectType>([
  "OBJECT_TRIGGER",
  "OBJECT_POLICY",
  "OBJECT_RULE",
  "OBJECT_COLUMN",
  "OBJECT_TABCONSTRAINT",
]);

function objectParts(node: Node | undefined): string[] {
  if (!node) return [];
  if ("List" in node) return nameParts(node.List.items);
  if ("String" in node) return [node.String.sval ?? ""];
  return [];
}

/** The table a trigger, policy, rule, column or constraint belongs to. */
function tableOfPart(node: Node | undefined): RelationRef {
  return relationFromParts(objectParts(node).slice(0, -1));
}

export function createTable(stmt: CreateStmt, ctx: StatementContext): void {
  if (!stmt.relation) return;
  const relations = ctx.state.relations;
  const elements = stmt.tableElts ?? [];
  const constraints = elements.flatMap((node) =>
    "ColumnDef" in node ? constraintsOf(node.ColumnDef) : "Constraint" in node ? [node.Constraint] : [],
  );
  for (const constraint of constraints) {
    if (constraint.pktable) ctx.lock(relations.find(relationOf(constraint.pktable)), "SHARE ROW EXCLUSIVE");
  }
  // A new partition changes how the parent routes rows; a new child only adds itself to scans.
  const parentLock = stmt.partbound ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE";
  for (const node of stmt.inhRelations ?? []) {
    if ("RangeVar" in node) ctx.lock(relations.find(relationOf(node.RangeVar)), parentLock);
  }
  relations.created(relationOf(stmt.relation), "table");
}

/** CREATE VIEW reads its tables' definitions only (ACCESS SHARE, blocking no one); REPLACE locks the view. */
export function createView(stmt: ViewStmt, ctx: StatementContext): void {
  if (!stmt.view) return;
  const ref = relationOf(stmt.view);
  const existing = ctx.state.relations.find(ref, "view");
  if (stmt.replace && existing) ctx.lock(existing, "ACCESS EXCLUSIVE");
  else ctx.state.relations.created(ref, "view");
}

export function drop(stmt: DropStmt, ctx: StatementContext): void {
  const type = stmt.removeType;
  if (type === undefined) return;
  if (stmt.behavior === "DROP_CASCADE") ctx.hazard("MM307");
  if (type === "OBJECT_SCHEMA") {
    for (const node of stmt.objects ?? []) {
      if (ctx.facts.sourceHas("schema", objectParts(node)[0] ?? "")) ctx.hazard("MM303");
    }
    return;
  }
  if (type === "OBJECT_STATISTIC_EXT") {
    // The statement names the statistics object, not its table, which PostgreSQL locks as CREATE does.
    ctx.lockDescribed("the table of a dropped statistics object", "SHARE UPDATE EXCLUSIVE", "brief");
    return;
  }
  if (TABLE_PARTS.has(type)) {
    for (const node of stmt.objects ?? []) {
      ctx.lock(ctx.state.relations.find(tableOfPart(node)), "ACCESS EXCLUSIVE");
    }
    return;
  }
  const kind = RELATION_KINDS[type];
  if (kind === undefined) return;
  for (const node of stmt.objects ?? []) {
    const relation = ctx.state.relations.find(relationFromParts(objectParts(node)), kind);
    if (!relation) continue;
    if (kind === "index") dropIndex(relation, stmt.concurrent === true, ctx);
    else dropRelation(relation, ctx);
    ctx.state.relations.dropped(relation);
  }
}

function dropIndex(index: TrackedRelation, concurrent: boolean, ctx: StatementContext): void {
  const table = ctx.state.relations.tableOf(index);
  const locked = table ?? index;
  if (concurrent) {
    ctx.lock(locked, "SHARE UPDATE EXCLUSIVE");
    if (ctx.inTransactionBlock) ctx.hazard("MM003");
    return;
  }
  ctx.lock(locked, "ACCESS EXCLUSIVE");
  if (isExisting(locked)) ctx.hazard("MM202");
}

function dropRelation(relation: TrackedRelation, ctx: StatementContext): void {
  ctx.lock(relation, "ACCESS EXCLUSIVE");
  if (relation.kind !== "table" || relation.sourceId === null) return;
  ctx.hazard("MM302");
  // Its foreign keys go with it, and with them their triggers on the tables at the other end.
  for (const neighbour of ctx.facts.foreignKeyNeighbours(relation.sourceId)) {
    ctx.lock(ctx.state.relations.find(neighbour), "ACCESS EXCLUSIVE");
  }
}

export function truncate(stmt: TruncateStmt, ctx: StatementContext): void {
  const tables = (stmt.relations ?? []).flatMap((node) =>
    "RangeVar" in node ? [ctx.state.relations.find(relationOf(node.RangeVar))] : [],
  );
  for (const table of tables) ctx.lock(table, "ACCESS EXCLUSIVE");
  if (!tables.some(isExisting)) return;
  ctx.hazard(stmt.behavior === "DROP_CASCADE" ? "MM306" : "MM305");
}

export function rename(stmt: RenameStmt, ctx: StatementContext): void {
  const type = stmt.renameType;
  const newName = stmt.newname ?? "";
  if (type === "OBJECT_SCHEMA") {
    const schema = stmt.subname ?? "";
    if (ctx.facts.sourceHas("schema", schema) && !ctx.facts.targetHas("schema", schema)) ctx.hazard("MM403");
    return;
  }
  if (!stmt.relation || type === undefined) return;
  const kind = RELATION_KINDS[type] ?? RELATION_KINDS[stmt.relationType ?? "OBJECT_TABLE"] ?? "table";
  const relation = ctx.state.relations.find(relationOf(stmt.relation), kind);
  if (!relation) return;
  if (type === "OBJECT_COLUMN") {
    ctx.lock(relation, "ACCESS EXCLUSIVE");
    const column = stmt.subname ?? "";
    // A swap (old aside, new into its place) keeps the name code uses; only a name that goes away breaks it.
    if (ctx.facts.sourceColumn(relation.sourceId, column) && !ctx.facts.targetColumn(relation, column)) {
      ctx.hazard("MM401");
    }
    return;
  }
  // Constraints, triggers, policies and rules: the table is locked, its name stays.
  if (RELATION_KINDS[type] === undefined) {
    ctx.lock(relation, "ACCESS EXCLUSIVE");
    return;
  }
  // Renaming an index changes nothing queries see.
  ctx.lock(relation, kind === "index" ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
  movedAway(relation, ctx);
  ctx.state.relations.moved(relation, { schema: relation.schema, name: newName });
}

/** ALTER … SET SCHEMA: a rename as far as the code that uses the relation is concerned. */
export function setSchema(stmt: AlterObjectSchemaStmt, ctx: StatementContext): void {
  const kind = stmt.objectType === undefined ? undefined : RELATION_KINDS[stmt.objectType];
  if (!stmt.relation || kind === undefined) return;
  const relation = ctx.state.relations.find(relationOf(stmt.relation), kind);
  if (!relation) return;
  ctx.lock(relation, "ACCESS EXCLUSIVE");
  movedAway(relation, ctx);
  ctx.state.relations.moved(relation, { schema: stmt.newschema ?? relation.schema, name: relation.name });
}

/** A relation from the source whose name does not exist after the plan: code that uses it breaks. */
function movedAway(relation: TrackedRelation, ctx: StatementContext): void {
  if (relation.sourceId === null || !NAMED_BY_CODE.has(relation.kind)) return;
  if (ctx.facts.targetHas(relation.kind, relation.schema, relation.name)) return;
  ctx.hazard("MM402");
}

/** COMMENT ON an existing relation or one of its parts takes SHARE UPDATE EXCLUSIVE on it. */
export function comment(stmt: CommentStmt, ctx: StatementContext): void {
  const type = stmt.objtype;
  if (type === undefined) return;
  const kind = RELATION_KINDS[type];
  const ref = kind
    ? relationFromParts(objectParts(stmt.object))
    : TABLE_PARTS.has(type)
      ? tableOfPart(stmt.object)
      : undefined;
  if (ref) ctx.lock(ctx.state.relations.find(ref, kind), "SHARE UPDATE EXCLUSIVE");
}

/** GRANT and REVOKE change no data and take no blocking lock; on a table in use they change who may use it. */
export function grant(stmt: GrantStmt, ctx: StatementContext): void {
  if (stmt.targtype !== "ACL_TARGET_OBJECT" || stmt.objtype !== "OBJECT_TABLE") return;
  const tables = (stmt.objects ?? []).flatMap((node) =>
    "RangeVar" in node ? [ctx.state.relations.find(relationOf(node.RangeVar))] : [],
  );
  if (tables.some((table) => table?.sourceId)) ctx.hazard("MM609");
}

export function createFunction(stmt: CreateFunctionStmt, ctx: StatementContext): void {
  const parts = nameParts(stmt.funcname);
  const name = parts.at(-1) ?? "";
  const schema = parts.length > 1 ? (parts.at(-2) ?? "") : "public";
  if (stmt.replace && ctx.facts.sourceHas("function", schema, name)) ctx.hazard("MM007");
}

/** ALTER DOMAIN … ADD or VALIDATE CONSTRAINT checks every column of the domain, holding SHARE on their tables. */
export function alterDomain(stmt: AlterDomainStmt, ctx: StatementContext): void {
  const adds = stmt.subtype === "C" && stmt.def !== undefined && "Constraint" in stmt.def;
  const validates = stmt.subtype === "V";
  if (adds && stmt.def && "Constraint" in stmt.def && stmt.def.Constraint.skip_validation) return;
  if (!adds && !validates) return;
  const parts = nameParts(stmt.typeName);
  const domain =
    parts.length > 1 ? qualify(parts.at(-2) ?? "", parts.at(-1) ?? "") : qualify("public", parts[0] ?? "");
  const tables = ctx.facts.tablesUsingType(domain).map((ref) => ctx.state.relations.find(ref));
  for (const table of tables) ctx.lock(table, "SHARE", "scan");
  if (adds && tables.some(isExisting)) ctx.hazard("MM211");
}
