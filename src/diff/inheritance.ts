import { objectList, perModel } from "../catalog/lookup.js";
import type { ColumnObj, DbObject, SchemaModel, TableObj } from "../catalog/model.js";
import { isBuild, type Plan } from "./change.js";

/**
 * Columns a table inherits (from an INHERITS parent or a partitioned parent) are created and dropped by
 * the parent's statements. These rules keep the plan right when a column moves between inherited and
 * local: only the parent dropping its column, or adding one, makes the child's copy come or go.
 */

function parents(table: DbObject | undefined): string[] {
  if (table?.kind !== "table") return [];
  return [...(table.partitionOf ? [table.partitionOf] : []), ...table.inherits];
}

/** The same-named column on one of the table's parents in `model`. */
export function parentColumn(model: SchemaModel, column: ColumnObj): ColumnObj | undefined {
  for (const parent of parents(model.objects[column.table])) {
    const table = model.objects[parent] as TableObj | undefined;
    for (const id of table?.columns ?? []) {
      const candidate = model.objects[id];
      if (candidate?.kind === "column" && candidate.name === column.name) return candidate;
    }
  }
  return undefined;
}

/**
 * A column that turns from inherited to local needs its own ADD COLUMN only when the parent drops its copy
 * while the table still inherits it (a table that leaves every parent keeps it as its own, see
 * parents.ts, and is never here); one that turns from
 * local to inherited must be dropped only when a parent it already has adds the column (a table joining
 * new parents brings its columns, which they adopt).
 */
export function settleInheritedColumns(
  source: SchemaModel,
  target: SchemaModel,
  plans: Map<string, Plan>,
  { joining }: { joining: ReadonlySet<string> },
): void {
  for (const id of Object.keys(target.objects)) {
    const before = source.objects[id];
    const after = target.objects[id];
    if (before?.kind !== "column" || after?.kind !== "column" || before.inherited === after.inherited)
      continue;
    if (before.inherited) {
      const parent = parentColumn(source, before);
      if (parent && plans.get(parent.id) === "drop") plans.set(id, "create");
    } else {
      if (joining.has(after.table)) continue;
      const parent = parentColumn(target, after);
      if (parent && plans.get(parent.id) === "create") plans.set(id, "drop");
    }
  }
}

/** For each table, the tables that inherit from it or are its partitions. */
const childrenIndex = perModel((model): Map<string, string[]> => {
  const index = new Map<string, string[]>();
  for (const object of objectList(model)) {
    for (const parent of parents(object)) {
      const children = index.get(parent) ?? [];
      children.push(object.id);
      index.set(parent, children);
    }
  }
  return index;
});

/** Ordering constraints between a parent's columns and its children's. Returns [before, after] node keys. */
export function inheritanceEdges(
  source: SchemaModel,
  target: SchemaModel,
  plans: Map<string, Plan>,
  leaving: ReadonlySet<string>,
): [string, string][] {
  const edges: [string, string][] = [];
  const sourceChildren = childrenIndex(source);
  const targetChildren = childrenIndex(target);
  for (const [id, plan] of plans) {
    const before = source.objects[id];
    const after = target.objects[id];
    if (plan === "create" && after?.kind === "column" && before?.kind === "column") {
      const parent = parentColumn(source, before);
      if (parent) edges.push([`drop|${parent.id}`, `create|${id}`]);
    }
    if (plan === "drop" && before?.kind === "column" && after?.kind === "column") {
      const parent = parentColumn(target, after);
      if (parent) edges.push([`drop|${id}`, `create|${parent.id}`]);
    }
    // A new child is created once its parents have the columns it inherits.
    const tableBuilt = after && "table" in after && isBuild(plans.get(after.table));
    if (
      (plan === "create" || plan === "recreate") &&
      after?.kind === "column" &&
      after.inherited &&
      tableBuilt
    ) {
      const parent = parentColumn(target, after);
      if (parent && plans.get(parent.id) === "create") edges.push([`create|${parent.id}`, `create|${id}`]);
    }
    // A parent's default or NOT NULL reaches its children's copies; a child's own comes after it.
    if (plan === "alter" && before?.kind === "column" && after?.kind === "column" && after.inherited) {
      const parent = parentColumn(target, after);
      if (parent) edges.push([`alter|${parent.id}`, `alter|${id}`]);
    }
    // A child joining a parent joins after the parent loses columns the child does not have.
    if (plan === "drop" && before?.kind === "column" && !before.inherited) {
      for (const child of targetChildren.get(before.table) ?? []) {
        if (!parents(source.objects[child]).includes(before.table)) {
          edges.push([`drop|${id}`, `alter|${child}`], [`drop|${id}`, `attach|${child}`]);
        }
      }
    }
    // A child leaving every parent leaves before a parent's column goes, so it keeps its copy.
    if (plan === "drop" && before?.kind === "column" && !before.inherited) {
      for (const child of sourceChildren.get(before.table) ?? []) {
        if (leaving.has(child)) edges.push([`alter|${child}`, `drop|${id}`]);
      }
    }
    // A child leaving a parent leaves before the parent grows new columns it should not get.
    if (plan === "create" && after?.kind === "column" && !after.inherited) {
      for (const child of sourceChildren.get(after.table) ?? []) {
        if (!parents(target.objects[child]).includes(after.table))
          edges.push([`alter|${child}`, `create|${id}`]);
      }
    }
  }
  return edges;
}

/** Node aliases: an inherited column that appears with its parent's new column is created by that statement. */
export function inheritedAliases(target: SchemaModel, plans: Map<string, Plan>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const object of objectList(target)) {
    if (object.kind !== "column" || !object.inherited) continue;
    // A new child gets the column with its CREATE TABLE, made after the parent adds it (inheritanceEdges).
    if (isBuild(plans.get(object.table))) continue;
    const parent = parentColumn(target, object);
    if (parent && plans.get(parent.id) === "create")
      aliases.set(`create|${object.id}`, `create|${parent.id}`);
  }
  return aliases;
}
