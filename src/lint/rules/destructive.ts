import type { DropdbStmt, DropStmt, Node, ObjectType, TruncateStmt } from "libpg-query";
import { displayRelation, nameParts, type RelationRef, relationFromParts, relationOf } from "../nodes.js";
import type { RuleContext } from "./context.js";
import { dropIndex } from "./indexes.js";

/** Relations whose DROP takes ACCESS EXCLUSIVE on something other sessions may be using. */
const RELATION_KINDS = new Set<ObjectType>([
  "OBJECT_TABLE",
  "OBJECT_VIEW",
  "OBJECT_MATVIEW",
  "OBJECT_SEQUENCE",
  "OBJECT_FOREIGN_TABLE",
]);

function droppedName(node: Node): RelationRef {
  if ("List" in node) return relationFromParts(nameParts(node.List.items));
  if ("String" in node) return { name: node.String.sval ?? "" };
  return { name: "?" };
}

export function dropStatement(stmt: DropStmt, ctx: RuleContext): void {
  const kind = stmt.removeType;
  if (stmt.behavior === "DROP_CASCADE") {
    const names = (stmt.objects ?? []).map((node) => displayRelation(droppedName(node))).join(", ");
    ctx.report("MM307", `DROP … CASCADE of ${names} also drops whatever depends on it`);
  }
  if (kind === "OBJECT_INDEX") {
    dropIndex(stmt, ctx);
    return;
  }
  for (const node of stmt.objects ?? []) {
    const object = droppedName(node);
    if (kind === "OBJECT_SCHEMA") {
      ctx.report("MM303", `drops schema ${object.name}`);
      continue;
    }
    if (kind === undefined || !RELATION_KINDS.has(kind)) continue;
    if (!ctx.existing(object)) continue;
    ctx.takesLock();
    if (kind === "OBJECT_TABLE") {
      ctx.state.dropped.push(object);
      ctx.report("MM302", `drops table ${displayRelation(object)} and its data`);
    }
  }
}

export function dropDatabase(stmt: DropdbStmt, ctx: RuleContext): void {
  ctx.report("MM304", `drops database ${stmt.dbname}`);
}

export function truncate(stmt: TruncateStmt, ctx: RuleContext): void {
  const tables = (stmt.relations ?? [])
    .flatMap((node) => ("RangeVar" in node ? [relationOf(node.RangeVar)] : []))
    .filter((table) => ctx.existing(table));
  if (tables.length === 0) return;
  ctx.takesLock();
  const names = tables.map(displayRelation).join(", ");
  if (stmt.behavior === "DROP_CASCADE") {
    ctx.report("MM306", `TRUNCATE ${names} CASCADE empties every table that references them`);
  } else {
    ctx.report("MM305", `TRUNCATE empties ${names}`);
  }
}
